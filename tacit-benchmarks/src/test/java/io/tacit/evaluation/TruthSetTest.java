package io.tacit.evaluation;

import static io.tacit.evaluation.Fixtures.snapshot;
import static io.tacit.evaluation.Fixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.model.SchemaSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthSetTest {
    private static final String HEADER = "fk_table,fk_columns,pk_table,pk_columns\n";

    @TempDir
    Path directory;

    @Test
    void parsesSingleAndCompositeEdgesWithLines() {
        Path file = Fixtures.write(directory, "truth.csv", HEADER
                + "public.film,language_id,public.language,language_id\n"
                + "public.lineitem,l_partkey+l_suppkey,public.partsupp,ps_partkey+ps_suppkey\n");
        List<TruthEdge> edges = TruthSet.parse(file);
        assertThat(edges).hasSize(2);
        assertThat(edges.get(0).toString()).isEqualTo("public.film(language_id) -> public.language(language_id)");
        assertThat(edges.get(1).from().columns()).containsExactly("l_partkey", "l_suppkey");
        assertThat(edges.get(1).to().columns()).containsExactly("ps_partkey", "ps_suppkey");
        assertThat(edges.get(1).line()).isEqualTo(3);
    }

    @Test
    void badRowsNameFileAndLine() {
        Path wrongWidth = Fixtures.write(directory, "a.csv", HEADER + "public.a,x,public.b,y\npublic.a,x,public.b\n");
        assertThatThrownBy(() -> TruthSet.parse(wrongWidth)).isInstanceOf(TacitException.class)
                .hasMessageContaining("a.csv:3").hasMessageContaining("3 fields");
        Path unqualified = Fixtures.write(directory, "b.csv", HEADER + "film,x,public.b,y\n");
        assertThatThrownBy(() -> TruthSet.parse(unqualified)).hasMessageContaining("b.csv:2")
                .hasMessageContaining("not schema-qualified");
        Path mismatched = Fixtures.write(directory, "c.csv", HEADER + "public.a,x+y,public.b,y\n");
        assertThatThrownBy(() -> TruthSet.parse(mismatched)).hasMessageContaining("c.csv:2")
                .hasMessageContaining("2 referencing columns but 1");
        Path header = Fixtures.write(directory, "d.csv", "from,to\n");
        assertThatThrownBy(() -> TruthSet.parse(header)).hasMessageContaining("d.csv:1")
                .satisfies(e -> assertThat(((TacitException) e).kind()).isEqualTo(ErrorKind.CONFIG));
        Path duplicate = Fixtures.write(directory, "e.csv", HEADER + "public.a,x,public.b,y\npublic.a,x,public.b,y\n");
        assertThatThrownBy(() -> TruthSet.parse(duplicate)).hasMessageContaining("e.csv:3")
                .hasMessageContaining("twice");
    }

    @Test
    void resolvesFoldedNamesAndTheOnlySchema() {
        Path file = Fixtures.write(directory, "truth.csv", HEADER + "public.album,artist_id,public.artist,artist_id\n");
        SchemaSnapshot mariadb = snapshot(table("tacit_eval_chinook", "Album", "album_id", "Artist_Id"),
                table("tacit_eval_chinook", "artist", "artist_id"));
        TruthSet resolved = TruthSet.load(file, Optional.empty()).resolve(mariadb);
        assertThat(resolved.edges().get(0).toString())
                .isEqualTo("tacit_eval_chinook.Album(Artist_Id) -> tacit_eval_chinook.artist(artist_id)");
    }

    @Test
    void truthEdgeNamingAMissingColumnNamesFileAndLine() {
        Path file = Fixtures.write(directory, "truth.csv", HEADER
                + "public.album,artist_id,public.artist,artist_id\n"
                + "public.album,composer_id,public.artist,artist_id\n");
        SchemaSnapshot schema = snapshot(table("public", "album", "album_id", "artist_id"),
                table("public", "artist", "artist_id"));
        TruthSet truth = TruthSet.load(file, Optional.empty());
        assertThatThrownBy(() -> truth.resolve(schema))
                .isInstanceOf(TacitException.class)
                .hasMessageContaining("truth.csv:3")
                .hasMessageContaining("public.album.composer_id");
    }

    @Test
    void truthEdgeNamingAMissingTableIsAnError() {
        Path file = Fixtures.write(directory, "truth.csv", HEADER + "public.track,album_id,public.album,album_id\n");
        SchemaSnapshot schema = snapshot(table("public", "album", "album_id"));
        assertThatThrownBy(() -> TruthSet.load(file, Optional.empty()).resolve(schema))
                .hasMessageContaining("truth.csv:2").hasMessageContaining("table public.track");
    }
}

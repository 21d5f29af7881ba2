package io.tacit.orm;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.model.Column;
import io.tacit.model.ColumnSet;
import io.tacit.model.Containment;
import io.tacit.model.DataType;
import io.tacit.model.Discriminator;
import io.tacit.model.ForeignKey;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.RelationshipKind;
import io.tacit.model.RunWarning;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.SourceLocation;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import io.tacit.spi.ValueProbe;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The gap without a database: name matching, a lost orphan check, no data read at level metadata. */
class GapAnalysisTest {
    private static final DataType INTEGER = DataType.of("integer", Types.INTEGER, TypeFamily.INTEGER);

    private final SchemaSnapshot snapshot = new SchemaSnapshot("test", "PostgreSQL", Instant.EPOCH, List.of(
            table("authors", "id"), table("blog_posts", "id", "author_id", "editor_id")),
            List.of(new ForeignKey("posts_editor_fk", ColumnSet.of(TableName.of("public", "blog_posts"), "editor_id"),
                    ColumnSet.of(TableName.of("public", "authors"), "id"))));

    private final CodeSchema code = new CodeSchema(List.of(Framework.RAILS), List.of(), List.of(
            // matched ignoring case and underscores, as OrmEvidence matches
            edge("BlogPosts", "authorId", "belongs_to :author"),
            edge("blog_posts", "editor_id", "belongs_to :editor"),
            new ModelEdge("blog_posts", List.of("author_id"), "authors", List.of("id"), RelationshipKind.POLYMORPHIC,
                    Optional.of(new Discriminator("author_type", "Author")), new SourceLocation("m.rb", 9),
                    "belongs_to :thing, polymorphic: true")), List.of());

    @Test
    void aCheckTheProbeLosesIsUnknownWithItsWarningNotAnError() {
        LosingProbe probe = new LosingProbe();

        GapReport report = new GapAnalysis(code).compare(snapshot, probe, true);

        assertThat(report.declaredNotEnforced()).hasSize(1);
        GapReport.UnenforcedEdge edge = report.declaredNotEnforced().get(0);
        assertThat(edge.from()).isEqualTo(ColumnSet.of(TableName.of("public", "blog_posts"), "author_id"));
        assertThat(edge.orphanRows()).isEqualTo(OptionalLong.empty());
        assertThat(report.warnings()).singleElement().asString().contains("canceling statement");
        assertThat(GapRendering.TABLE.render(report)).contains("orphans: unknown");
        assertThat(report.enforcedNotDeclared()).isEmpty();
        assertThat(report.declarations()).containsExactly(new GapReport.DeclarationCount("belongs_to", 2, 1, 1, 0));
        // the polymorphic edge is never checked: no constraint could enforce it
        assertThat(probe.checks).containsExactly(edge.from() + "->" + edge.to());
    }

    @Test
    void atLevelMetadataNoDataIsRead() {
        LosingProbe probe = new LosingProbe();

        GapReport report = new GapAnalysis(code).compare(snapshot, probe, false);

        assertThat(probe.checks).isEmpty();
        assertThat(GapRendering.MARKDOWN.render(report)).contains("orphans: not counted (level metadata)");
    }

    private static ModelEdge edge(String table, String column, String declaration) {
        return new ModelEdge(table, List.of(column), "authors", List.of("id"), RelationshipKind.FOREIGN_KEY,
                Optional.empty(), new SourceLocation("app/models/post.rb", 2), declaration);
    }

    private static Table table(String name, String... columns) {
        List<Column> list = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            list.add(Column.of(columns[i], i + 1, INTEGER, i > 0));
        }
        return new Table(TableName.of("public", name), TableKind.TABLE, list,
                Optional.of(new Key(KeyKind.PRIMARY, name + "_pkey", List.of("id"))), List.of(), Optional.empty(),
                OptionalLong.empty(), Optional.empty());
    }

    /** A probe whose every check hits the statement timeout, as JdbcValueProbe reports it. */
    private static final class LosingProbe implements ValueProbe {
        final List<String> checks = new ArrayList<>();
        final List<RunWarning> warnings = new ArrayList<>();

        @Override
        public Optional<Containment> containment(ColumnSet from, ColumnSet to, Optional<Discriminator> where) {
            checks.add(from + "->" + to);
            warnings.add(RunWarning.of(from.table(), RunWarning.CONTAINMENT, "check of " + from + " in " + to
                    + " lost: canceling statement due to statement timeout"));
            return Optional.empty();
        }

        @Override
        public List<RunWarning> warnings() {
            return List.copyOf(warnings);
        }
    }
}

package io.tacit.inference.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.inference.signals.Measurement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files given with {@code --model}: the trainer's format read back, and every way a file can be wrong. */
class ScoringModelFileTest {
    private static final List<Measurement> NAMED_AFTER_TABLE = List.of(
            Measurement.of("name-affinity", 1, "user_id -> users(id)", "matched", 1, "table_name", 1));

    @TempDir
    Path folder;

    @Test
    void readsWhatTheTrainerWritesAndScoresLikeIt() throws IOException {
        ScoringModel shipped = ScoringModel.committed();
        Path file = write("model.txt", shipped.format(List.of("a copy of the shipped model")));

        ScoringModel loaded = ScoringModel.load(file);

        assertThat(loaded.name()).isEqualTo(file.toString());
        assertThat(loaded.weights()).isEqualTo(shipped.weights());
        assertThat(loaded.intercept()).isEqualTo(shipped.intercept());
        assertThat(loaded.confidence(NAMED_AFTER_TABLE)).isEqualTo(shipped.confidence(NAMED_AFTER_TABLE));
        assertThat(shipped.name()).isEqualTo("shipped model");
    }

    @Test
    void aDifferentFileScoresDifferently() throws IOException {
        Path file = write("doubtful.txt", "# nothing is a relationship\nintercept -20\nweight name-affinity.matched 1\n");

        assertThat(ScoringModel.load(file).confidence(NAMED_AFTER_TABLE)).isLessThan(0.001);
        assertThat(ScoringModel.committed().confidence(NAMED_AFTER_TABLE)).isGreaterThan(0.01);
    }

    @Test
    void aMissingFileIsAConfigErrorNamingIt() {
        Path missing = folder.resolve("no-such-model.txt");

        assertThatThrownBy(() -> ScoringModel.load(missing)).isInstanceOfSatisfying(TacitException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
            assertThat(e.getMessage()).isEqualTo("scoring model file " + missing + " does not exist");
            assertThat(e.hint().orElseThrow()).contains("scripts/train-model.sh");
        });
    }

    @Test
    void aFolderIsAConfigError() {
        assertThatThrownBy(() -> ScoringModel.load(folder)).isInstanceOfSatisfying(TacitException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
            assertThat(e.getMessage()).isEqualTo("scoring model file " + folder + " is a directory, not a file");
        });
    }

    @Test
    void aFileThatIsNoModelIsNeverQuoted() throws IOException {
        assertMalformed("root:$6$secret-hash:19000:0:99999:7:::\nweight a 1\n",
                "line 1: not a scoring model entry, and none came before it");
        Path file = Files.writeString(folder.resolve("shadow"), "root:$6$secret-hash:19000:0:99999:7:::\n");
        assertThatThrownBy(() -> ScoringModel.load(file)).satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    @Test
    void aMalformedLineIsNamedWithItsNumberAndTheFormat() throws IOException {
        assertMalformed("# header\nintercept -1\nwieght name-affinity.matched 2\n", "line 3: unknown entry 'wieght'");
        assertMalformed("intercept -1\nweight name-affinity.matched\n",
                "line 2: expected 'weight <feature> <w>', got 'weight name-affinity.matched'");
        assertMalformed("intercept minus-one\nweight a 1\n", "line 1: 'minus-one' is not a number");
        assertMalformed("intercept NaN\nweight a 1\n", "line 1: 'NaN' is not a finite number");
        assertMalformed("intercept 1\nintercept 2\nweight a 1\n", "line 2: a second intercept");
        assertMalformed("weight a 1\ncalibration 0.5 1.5\n", "line 2: calibration points are probabilities between 0 and 1");
        assertMalformed("weight a 1\ncalibration 0.2 0.9\ncalibration 0.4 0.1\n",
                "'calibration' lines: calibration points must be non-decreasing");
    }

    @Test
    void aFileWithoutWeightsIsNotAModel() throws IOException {
        Path file = write("notes.txt", "# just a comment\n\n");

        assertThatThrownBy(() -> ScoringModel.load(file)).isInstanceOfSatisfying(TacitException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
            assertThat(e.getMessage()).isEqualTo("scoring model file " + file + " has no weight lines: it is not a scoring model");
        });
    }

    private void assertMalformed(String text, String problem) throws IOException {
        Path file = write("bad.txt", text);
        assertThatThrownBy(() -> ScoringModel.load(file)).isInstanceOfSatisfying(TacitException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
            assertThat(e.getMessage()).isEqualTo("scoring model file " + file + " " + problem);
            assertThat(e.hint().orElseThrow()).contains("'weight <feature> <w>'", "scripts/train-model.sh");
        });
    }

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}

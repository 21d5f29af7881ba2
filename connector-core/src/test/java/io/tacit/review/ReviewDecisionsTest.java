package io.tacit.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.config.InvalidConfigException;
import io.tacit.error.TacitException;
import io.tacit.model.InferenceResult;
import io.tacit.model.Relationship;
import io.tacit.model.RunWarning;
import io.tacit.report.SampleResults;
import io.tacit.spi.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewDecisionsTest {
    private static final String REVIEWS_EDGE = """
            "from": {"schema": "public", "table": "reviews", "columns": ["reviewable_id"]},
            "to": {"schema": "public", "table": "orders", "columns": ["id"]},
            "discriminator": {"column": "reviewable_type", "value": "Order"}""";
    private static final String ORDERS_EDGE = """
            "from": {"schema": "public", "table": "orders", "columns": ["user_id"]},
            "to": {"schema": "public", "table": "users", "columns": ["id"]}""";

    @TempDir
    Path folder;

    private final InferenceResult result = SampleResults.result("run-1", Instant.parse("2026-11-30T12:00:00Z"));
    private final List<RunWarning> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final ProgressListener listener = new ProgressListener() {
        @Override
        public void stageStarted(String stage, long totalUnits) {
        }

        @Override
        public void advanced(long units) {
        }

        @Override
        public void stageFinished(String stage) {
        }

        @Override
        public void note(String message) {
            notes.add(message);
        }

        @Override
        public void warning(RunWarning warning) {
            warnings.add(warning);
        }
    };

    @Test
    void rejectedEdgesAreWithheldAcceptedOnesConfirmedAndAddedOnesPublished() throws Exception {
        Path file = write("""
                {"format": "tacit-review-decisions", "formatVersion": 1, "decisions": [
                  {"decision": "accept", %s},
                  {"decision": "reject", %s},
                  {"decision": "accept", "added": true,
                   "from": {"schema": "public", "table": "users", "columns": ["email"]},
                   "to": {"schema": "public", "table": "reviews", "columns": ["reviewable_type"]}}
                ]}""".formatted(REVIEWS_EDGE, ORDERS_EDGE));
        List<Relationship> published = ReviewDecisions.load(file).apply(result.run(), result.snapshot(),
                result.relationships(), listener);

        assertThat(published).extracting(Relationship::key).containsExactlyInAnyOrder(
                "public.reviews(reviewable_id)->public.orders(id)[reviewable_type=Order]",
                "public.users(email)->public.reviews(reviewable_type)");
        for (Relationship relationship : published) {
            assertThat(relationship.confidence()).isEqualTo(1.0);
            assertThat(relationship.provenance().evidence()).last().satisfies(evidence -> {
                assertThat(evidence.signal()).isEqualTo("review");
                assertThat(evidence.detail()).isEqualTo("confirmed by a reviewer (decisions.json)");
            });
        }
        assertThat(published.get(0).provenance().evidence()).hasSize(3);
        assertThat(warnings).isEmpty();
    }

    @Test
    void staleEntriesGiveOneWarningEachAndChangeNothing() throws Exception {
        Path file = write("""
                {"format": "tacit-review-decisions", "formatVersion": 1, "decisions": [
                  {"decision": "reject", "from": {"schema": "public", "table": "gone", "columns": ["user_id"]},
                   "to": {"schema": "public", "table": "users", "columns": ["id"]}},
                  {"decision": "accept", "from": {"schema": "public", "table": "orders", "columns": ["buyer_id"]},
                   "to": {"schema": "public", "table": "users", "columns": ["id"]}},
                  {"decision": "reject", "from": {"schema": "public", "table": "users", "columns": ["id"]},
                   "to": {"schema": "public", "table": "orders", "columns": ["id"]}}
                ]}""");
        List<Relationship> published = ReviewDecisions.load(file).apply(result.run(), result.snapshot(),
                result.relationships(), listener);

        assertThat(published).isEqualTo(result.relationships());
        assertThat(warnings).extracting(RunWarning::problem).containsExactly(
                "decisions[0] in " + file + " (reject public.gone(user_id)->public.users(id)) is stale and was not "
                        + "applied: table public.gone is not in postgresql://127.0.0.1:5432/shop",
                "decisions[1] in " + file + " (accept public.orders(buyer_id)->public.users(id)) is stale and was not "
                        + "applied: column buyer_id is not in public.orders");
        assertThat(notes).containsExactly("the rejected edge public.users(id)->public.orders(id) of decisions.json was "
                + "not found in this run: nothing to withhold");
    }

    @Test
    void aFileOfAnotherVersionIsOneClearError() throws Exception {
        Path file = write("{\"format\": \"tacit-review-decisions\", \"formatVersion\": 2, \"decisions\": []}");
        assertThatThrownBy(() -> ReviewDecisions.load(file)).isInstanceOf(TacitException.class)
                .hasMessageContaining("has format version 2; this tacit reads version 1");
    }

    @Test
    void handEditedJsonWithASyntaxErrorNamesTheLine() throws Exception {
        Path file = write("{\"format\": \"tacit-review-decisions\",\n \"formatVersion\": 1,\n \"decisions\": [\n {\"decision\": \"accept\",}\n]}");
        assertThatThrownBy(() -> ReviewDecisions.load(file)).isInstanceOf(TacitException.class)
                .hasMessageContaining("is not valid JSON at line 4");
    }

    @Test
    void anotherFileIsNotTakenForDecisions() throws Exception {
        Path file = write("{\"formatVersion\": 1, \"relationships\": []}");
        assertThatThrownBy(() -> ReviewDecisions.load(file)).isInstanceOf(TacitException.class)
                .hasMessageContaining("is not a tacit decisions file");
    }

    @Test
    void everyMistakeInTheEntriesIsListedAtOnce() throws Exception {
        Path file = write("""
                {"format": "tacit-review-decisions", "formatVersion": 1, "decisions": [
                  {"decision": "maybe", %s},
                  {"decision": "accept", "from": {"schema": "public", "table": "orders", "columns": []},
                   "to": {"schema": "public", "table": "users", "columns": ["id"]}, "colour": "red"},
                  {"decision": "reject", %s},
                  {"decision": "accept", %s}
                ]}""".formatted(ORDERS_EDGE, REVIEWS_EDGE, REVIEWS_EDGE));
        assertThatThrownBy(() -> ReviewDecisions.load(file)).isInstanceOfSatisfying(InvalidConfigException.class,
                invalid -> assertThat(invalid.problems()).extracting(Object::toString).containsExactly(
                        "decisions[0].decision: must be \"accept\" or \"reject\", not \"maybe\"",
                        "decisions[1].colour: unknown key; known: added, decision, discriminator, from, kind, note, to",
                        "decisions[1].from.columns: expected a list of one or more column names",
                        "decisions[3]: decides again on the edge of decisions[2]"));
    }

    @Test
    void aMissingFileIsAConfigurationError() {
        assertThatThrownBy(() -> ReviewDecisions.load(folder.resolve("none.json"))).isInstanceOf(TacitException.class)
                .hasMessageContaining("does not exist");
    }

    private Path write(String text) throws Exception {
        Path file = folder.resolve("decisions.json");
        Files.writeString(file, text);
        return file;
    }
}

package io.tacit.inference.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.inference.TestSchemas;
import io.tacit.model.Statistics;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamespacePrefixesTest {
    private static List<String> keys(TestSchemas schema) {
        NameIndex index = new NameIndex(schema.snapshot(), Statistics.none());
        return new CandidateGenerator(index, Statistics.none()).generate().stream().map(Candidate::key).toList();
    }

    @Test
    void aTableIsKnownByItsNameWithoutTheApplicationsPrefix() {
        TestSchemas schema = new TestSchemas();
        schema.table("ttrss_users").id("id");
        schema.table("ttrss_feeds").id("id").column("user_id", TestSchemas.INT);
        schema.table("auth_user").id("id");
        schema.table("auth_group").id("id");
        schema.table("lava_scheduler_app_device").id("id").column("group_id", TestSchemas.INT);

        assertThat(keys(schema)).contains(
                "public.ttrss_feeds(user_id)->public.ttrss_users(id)",
                "public.lava_scheduler_app_device(group_id)->public.auth_group(id)");
    }

    @Test
    void aBeginningThatNamesATableIsItsOwnerNotANamespace() {
        TestSchemas schema = new TestSchemas();
        schema.table("film").id("film_id");
        schema.table("film_actor").id("id");
        schema.table("film_text").id("id");
        schema.table("scene").id("id").column("actor_id", TestSchemas.INT).column("text_id", TestSchemas.INT);

        // film_actor holds a film's actors: no column naming an actor points at it
        assertThat(keys(schema)).noneMatch(key -> key.startsWith("public.scene("));
        NamespacePrefixes prefixes = NamespacePrefixes.of(schema.snapshot().tables());
        assertThat(prefixes.bareNames(List.of("film", "actor"))).isEmpty();
    }

    @Test
    void aBareNameAnotherTableGoesByStaysThatTables() {
        TestSchemas schema = new TestSchemas();
        schema.table("qrtz_triggers").id("id");
        schema.table("qrtz_locks").id("id");
        schema.table("locks").id("id");
        NamespacePrefixes prefixes = NamespacePrefixes.of(schema.snapshot().tables());

        assertThat(prefixes.bareNames(List.of("qrtz", "triggers"))).contains("triggers", "trigger");
        assertThat(prefixes.bareNames(List.of("qrtz", "locks"))).isEmpty();
    }

    @Test
    void aBeginningMadeOfTableNamesIsNoNamespace() {
        TestSchemas schema = new TestSchemas();
        schema.table("release").id("id");
        schema.table("release_group").id("id");
        schema.table("l_release_group_release_group").id("id");
        schema.table("l_release_group_release_url").id("id");
        NamespacePrefixes prefixes = NamespacePrefixes.of(schema.snapshot().tables());

        // "l" is a namespace, "l_release_group_release" is not (a release group's links to releases)
        assertThat(prefixes.bareNames(List.of("l", "release", "group", "release", "group")))
                .contains("releasegroupreleasegroup").noneMatch(name -> name.equals("group") || name.equals("groups"));
    }

    @Test
    void numberedTablesAreNoNamespace() {
        TestSchemas schema = new TestSchemas();
        schema.table("customer_1").id("id");
        schema.table("customer_2").id("id");
        NamespacePrefixes prefixes = NamespacePrefixes.of(schema.snapshot().tables());

        assertThat(prefixes.bareNames(List.of("customer", "2"))).isEmpty();
    }
}

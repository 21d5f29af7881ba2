package io.tacit.inference.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.inference.TestSchemas;
import io.tacit.model.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ValueCandidatesTest {
    /** title 1..200, keyword 1..50; cast_info.movie_id names no table but holds 40 title ids. */
    private static TestSchemas movies() {
        TestSchemas schema = new TestSchemas();
        schema.table("title").id("id").column("production_year", TestSchemas.INT);
        schema.table("keyword").id("id");
        schema.table("cast_info").id("id").column("movie_id", TestSchemas.INT).column("status", TestSchemas.INT)
                .column("keyword_id", TestSchemas.INT);
        List<Object> titles = new ArrayList<>();
        for (int id = 1; id <= 200; id++) {
            titles.add(id);
            titles.add(1900 + id % 100);
        }
        schema.rows("title", "id,production_year", titles.toArray());
        List<Object> keywords = new ArrayList<>();
        for (int id = 1; id <= 50; id++) {
            keywords.add(id);
        }
        schema.rows("keyword", "id", keywords.toArray());
        List<Object> casts = new ArrayList<>();
        for (int id = 1; id <= 120; id++) {
            casts.add(id);
            casts.add(3 + (id % 40) * 4); // 40 distinct title ids between 3 and 159
            casts.add(1 + id % 3); // an enum: 3 values, inside every id range
            casts.add(1 + id % 50);
        }
        schema.rows("cast_info", "id,movie_id,status,keyword_id", casts.toArray());
        return schema;
    }

    private static Map<String, Candidate> generate(TestSchemas schema, Statistics statistics) {
        NameIndex index = new NameIndex(schema.snapshot(), statistics);
        return new CandidateGenerator(index, statistics).generate().stream()
                .collect(Collectors.toMap(Candidate::key, candidate -> candidate));
    }

    @Test
    void aColumnNoNameExplainsGetsTheTargetsItsValuesFitIn() {
        TestSchemas schema = movies();
        Map<String, Candidate> candidates = generate(schema, schema.statistics());
        Candidate movie = candidates.get("public.cast_info(movie_id)->public.title(id)");
        assertThat(movie).isNotNull();
        assertThat(movie.matches()).isEmpty();
        assertThat(movie.bestMatch()).isEqualTo(MatchKind.VALUES_ONLY);
        // keyword ids stop at 50: movie_id's range (3..159) does not fit
        assertThat(candidates).doesNotContainKey("public.cast_info(movie_id)->public.keyword(id)");
    }

    @Test
    void enumsOwnKeysAndNamedColumnsGetNoValueCandidates() {
        TestSchemas schema = movies();
        Map<String, Candidate> candidates = generate(schema, schema.statistics());
        // three values fit in every 1..N id by accident
        assertThat(candidates.keySet()).noneMatch(key -> key.startsWith("public.cast_info(status)"));
        // a table's own ids are not guessed to copy another table's
        assertThat(candidates.keySet()).noneMatch(key -> key.startsWith("public.title(id)") || key.startsWith("public.keyword(id)"));
        // a column a name already explains keeps its name candidates only
        assertThat(candidates.keySet()).filteredOn(key -> key.startsWith("public.cast_info(keyword_id)"))
                .containsExactly("public.cast_info(keyword_id)->public.keyword(id)");
    }

    @Test
    void withoutValuesThereIsNoValuePath() {
        TestSchemas schema = movies();
        Map<String, Candidate> candidates = generate(schema, Statistics.none());
        assertThat(candidates.keySet()).noneMatch(key -> key.startsWith("public.cast_info(movie_id)"));
    }

    @Test
    void aColumnKeepsAtMostItsBestFewTargets() {
        TestSchemas schema = new TestSchemas();
        List<Object> ids = new ArrayList<>();
        for (int id = 1; id <= 100; id++) {
            ids.add(id);
        }
        for (int table = 1; table <= 8; table++) {
            schema.table("thing_" + table).id("id");
            schema.rows("thing_" + table, "id", ids.toArray());
        }
        schema.table("holder").id("id").column("ref", TestSchemas.INT);
        List<Object> rows = new ArrayList<>();
        for (int id = 1; id <= 60; id++) {
            rows.add(id);
            rows.add(id);
        }
        schema.rows("holder", "id,ref", rows.toArray());
        Map<String, Candidate> candidates = generate(schema, schema.statistics());
        assertThat(candidates.keySet().stream().filter(key -> key.startsWith("public.holder(ref)")))
                .hasSize(ValueCandidates.MAX_PER_COLUMN);
    }

    @Test
    void aColumnWhoseNameTargetCannotHoldItsValuesGetsTheKeysThatDo() {
        TestSchemas schema = movies();
        // keyword_id now holds 40 values in 60..159: past every keyword id, inside the title ids
        List<Object> casts = new ArrayList<>();
        for (int id = 1; id <= 120; id++) {
            casts.add(id);
            casts.add(3 + (id % 40) * 4);
            casts.add(1 + id % 3);
            casts.add(60 + (id % 40) * 2);
        }
        TestSchemas changed = movies();
        changed.rows("cast_info", "id,movie_id,status,keyword_id", casts.toArray());
        Map<String, Candidate> candidates = generate(schema, changed.statistics());
        assertThat(candidates.keySet()).filteredOn(key -> key.startsWith("public.cast_info(keyword_id)"))
                .contains("public.cast_info(keyword_id)->public.keyword(id)", "public.cast_info(keyword_id)->public.title(id)");
        assertThat(candidates.get("public.cast_info(keyword_id)->public.title(id)").matches()).isEmpty();
    }

    @Test
    void aColumnCanReferenceItsOwnTableByValues() {
        TestSchemas schema = new TestSchemas();
        schema.table("node").id("id").column("copied_from", TestSchemas.INT);
        List<Object> rows = new ArrayList<>();
        for (int id = 1; id <= 300; id++) {
            rows.add(id);
            rows.add(id > 100 ? 250 + id % 40 : null);
        }
        schema.rows("node", "id,copied_from", rows.toArray());
        Map<String, Candidate> candidates = generate(schema, schema.statistics());
        assertThat(candidates).containsKey("public.node(copied_from)->public.node(id)");
        // the key itself is no reference to itself
        assertThat(candidates.keySet()).noneMatch(key -> key.startsWith("public.node(id)"));
    }

    @Test
    void everyOneColumnKeyIsATargetNotOnlyThePrimaryKey() {
        // ledgersmb: account's primary key is the text accno, its integer id is unique and is what others hold
        TestSchemas schema = new TestSchemas();
        schema.table("account").column("accno", TestSchemas.TEXT).column("id", TestSchemas.INT).primaryKey("accno").unique("id");
        schema.table("checkpoint").id("checkpoint_id").column("account_ref", TestSchemas.INT);
        List<Object> accounts = new ArrayList<>();
        for (int id = 1; id <= 80; id++) {
            accounts.add("A" + (1000 + id));
            accounts.add(id);
        }
        schema.rows("account", "accno,id", accounts.toArray());
        List<Object> checkpoints = new ArrayList<>();
        for (int id = 1; id <= 200; id++) {
            checkpoints.add(1000 + id);
            checkpoints.add(1 + id % 37);
        }
        schema.rows("checkpoint", "checkpoint_id,account_ref", checkpoints.toArray());
        Map<String, Candidate> candidates = generate(schema, schema.statistics());
        assertThat(candidates).containsKey("public.checkpoint(account_ref)->public.account(id)");
        // a unique column is its own table's ids: not guessed to copy another's
        assertThat(candidates.keySet()).noneMatch(key -> key.startsWith("public.account(id)"));
    }
}

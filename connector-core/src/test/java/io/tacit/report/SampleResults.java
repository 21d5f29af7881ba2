package io.tacit.report;

import io.tacit.model.Cardinality;
import io.tacit.model.Column;
import io.tacit.model.ColumnSet;
import io.tacit.model.DataType;
import io.tacit.model.Discriminator;
import io.tacit.model.Evidence;
import io.tacit.model.ForeignKey;
import io.tacit.model.InferenceResult;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.Origin;
import io.tacit.model.Provenance;
import io.tacit.model.Relationship;
import io.tacit.model.RelationshipKind;
import io.tacit.model.RunContext;
import io.tacit.model.RunId;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A small shop schema and a result over it, built by hand with a fixed run id and times. */
public final class SampleResults {
    public static final TableName USERS = TableName.of("public", "users");
    public static final TableName ORDERS = TableName.of("public", "orders");
    public static final TableName REVIEWS = TableName.of("public", "reviews");

    private SampleResults() {
    }

    public static SchemaSnapshot snapshot() {
        DataType integer = DataType.of("int4", Types.INTEGER, TypeFamily.INTEGER);
        DataType text = DataType.of("text", Types.VARCHAR, TypeFamily.STRING);
        Table users = new Table(USERS, TableKind.TABLE,
                List.of(Column.of("id", 1, integer, false), Column.of("email", 2, text, false)),
                Optional.of(new Key(KeyKind.PRIMARY, "users_pkey", List.of("id"))), List.of(),
                Optional.empty(), OptionalLong.of(500), Optional.empty());
        Table orders = new Table(ORDERS, TableKind.TABLE,
                List.of(Column.of("id", 1, integer, false), Column.of("user_id", 2, integer, false)),
                Optional.of(new Key(KeyKind.PRIMARY, "orders_pkey", List.of("id"))), List.of(),
                Optional.empty(), OptionalLong.of(2000), Optional.empty());
        Table reviews = new Table(REVIEWS, TableKind.TABLE,
                List.of(Column.of("id", 1, integer, false), Column.of("reviewable_type", 2, text, false),
                        Column.of("reviewable_id", 3, integer, false)),
                Optional.of(new Key(KeyKind.PRIMARY, "reviews_pkey", List.of("id"))), List.of(),
                Optional.empty(), OptionalLong.of(100), Optional.empty());
        return new SchemaSnapshot("postgresql://127.0.0.1:5432/shop", "PostgreSQL 15.19",
                Instant.parse("2026-11-30T12:00:00Z"), List.of(users, orders, reviews),
                List.of(new ForeignKey("orders_user_fk", ColumnSet.of(ORDERS, "user_id"), ColumnSet.of(USERS, "id"))));
    }

    public static InferenceResult result(String runId, Instant time) {
        RunContext run = new RunContext(new RunId(runId), "0.1.0-TEST", time);
        SchemaSnapshot snapshot = snapshot();
        Provenance declared = new Provenance(run.runId(), run.toolVersion(), time, snapshot.source(),
                List.of(new Evidence("declared", 1.0, 0.0, "declared by constraint orders_user_fk")), Optional.empty());
        Provenance inferred = new Provenance(run.runId(), run.toolVersion(), time, snapshot.source(), List.of(
                new Evidence("name", 0.9, 1.2, "reviewable_id names orders by the polymorphic type 'Order'"),
                new Evidence("containment", 1.0, 2.51234567, "100.0% of 40 distinct values found in orders.id")),
                Optional.empty());
        List<Relationship> relationships = List.of(
                new Relationship(ColumnSet.of(REVIEWS, "reviewable_id"), ColumnSet.of(ORDERS, "id"),
                        RelationshipKind.POLYMORPHIC, Origin.INFERRED, Cardinality.MANY_TO_ONE, 0.8765432,
                        Optional.of(new Discriminator("reviewable_type", "Order")), inferred),
                new Relationship(ColumnSet.of(ORDERS, "user_id"), ColumnSet.of(USERS, "id"),
                        RelationshipKind.FOREIGN_KEY, Origin.DECLARED, Cardinality.MANY_TO_ONE, 1.0,
                        Optional.empty(), declared));
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("read schema", 12L);
        timings.put("statistics", 30L);
        timings.put("inference", 7L);
        return new InferenceResult(run, snapshot, StatisticsLevel.FULL, relationships, 42, timings);
    }
}

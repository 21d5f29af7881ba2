package io.tacit.evaluation;

import io.tacit.model.Cardinality;
import io.tacit.model.Column;
import io.tacit.model.ColumnSet;
import io.tacit.model.DataType;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.Origin;
import io.tacit.model.Provenance;
import io.tacit.model.Relationship;
import io.tacit.model.RelationshipKind;
import io.tacit.model.RunId;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Small hand-made schemas, predictions and files for the evaluation tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** A table whose first column is its primary key; every column is an integer. */
    static Table table(String schema, String name, String... columns) {
        List<Column> list = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            list.add(Column.of(columns[i], i + 1, DataType.of("int4", Types.INTEGER, TypeFamily.INTEGER), i > 0));
        }
        return new Table(TableName.of(schema, name), TableKind.TABLE, list,
                Optional.of(new Key(KeyKind.PRIMARY, name + "_pkey", List.of(columns[0]))), List.of(),
                Optional.empty(), OptionalLong.empty(), Optional.empty());
    }

    static SchemaSnapshot snapshot(Table... tables) {
        return new SchemaSnapshot("test", "test 1", Instant.EPOCH, List.of(tables), List.of());
    }

    static Relationship predicted(String from, String to, double confidence) {
        return new Relationship(columnSet(from), columnSet(to), RelationshipKind.FOREIGN_KEY, Origin.INFERRED,
                Cardinality.MANY_TO_ONE, confidence, Optional.empty(),
                new Provenance(new RunId("test"), "dev", Instant.EPOCH, "test", List.of(), Optional.empty()));
    }

    /** {@code schema.table(a+b)}. */
    static ColumnSet columnSet(String text) {
        int open = text.indexOf('(');
        TableName table = TableName.parse(text.substring(0, open));
        return new ColumnSet(table, List.of(text.substring(open + 1, text.length() - 1).split("\\+")));
    }

    static Path write(Path directory, String name, String content) {
        try {
            Path file = directory.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

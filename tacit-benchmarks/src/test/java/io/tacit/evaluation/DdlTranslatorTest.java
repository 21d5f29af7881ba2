package io.tacit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.model.TableName;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DdlTranslatorTest {
    private static LoadColumn column(String name, String type, int length, int precision, int scale, boolean nullable) {
        return new LoadColumn(name, type, length, precision, scale, nullable);
    }

    private final LoadTable film = new LoadTable(TableName.of("public", "film"), List.of(
            column("film_id", "integer", 0, 0, 0, false),
            column("title", "text", 0, 0, 0, false),
            column("rate", "numeric", 0, 4, 2, true),
            column("code", "character", 3, 0, 0, true),
            column("rating", "USER-DEFINED", 0, 0, 0, true),
            column("odd`\"name", "boolean", 0, 0, 0, true)),
            Optional.of(List.of("film_id")), List.of(List.of("title")));

    @Test
    void mariaDbKeepsKeysMapsTypesAndBoundsKeyText() {
        String ddl = new DdlTranslator(Target.MARIADB).createTable(film, "film").get(0);
        assertThat(ddl).contains("`film_id` INT NOT NULL")
                // unbounded text in a key needs a length on MariaDB
                .contains("`title` VARCHAR(255) NOT NULL")
                .contains("`rate` DECIMAL(4, 2)")
                .contains("`code` CHAR(3)")
                .contains("`rating` LONGTEXT")
                .contains("`odd``\"name` BOOLEAN")
                .contains("PRIMARY KEY (`film_id`)")
                .contains("UNIQUE (`title`)")
                .contains("COLLATE=utf8mb4_bin")
                .doesNotContainIgnoringCase("foreign key");
    }

    @Test
    void sqliteKeepsTypeNamesTheReaderUnderstands() {
        String ddl = new DdlTranslator(Target.SQLITE).createTable(film, "film").get(0);
        assertThat(ddl).contains("\"film_id\" INTEGER NOT NULL")
                .contains("\"title\" TEXT NOT NULL")
                .contains("\"rate\" DECIMAL(4, 2)")
                .contains("\"odd`\"\"name\" BOOLEAN")
                .contains("PRIMARY KEY (\"film_id\")")
                .contains("UNIQUE (\"title\")");
    }

    @Test
    void postgresNeedsNoTranslation() {
        assertThatThrownBy(() -> new DdlTranslator(Target.POSTGRES)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsPostgresTextForms() {
        assertThat(DatasetLoader.convert(Target.MARIADB, column("a", "integer", 0, 0, 0, true), "42")).isEqualTo(42L);
        assertThat(DatasetLoader.convert(Target.MARIADB, column("a", "numeric", 0, 4, 2, true), "0.99"))
                .isEqualTo(new BigDecimal("0.99"));
        assertThat(DatasetLoader.convert(Target.SQLITE, column("a", "boolean", 0, 0, 0, true), "true")).isEqualTo(1);
        assertThat(DatasetLoader.convert(Target.MARIADB, column("a", "bytea", 0, 0, 0, true), "\\x00ff"))
                .isEqualTo(new byte[] {0, (byte) 0xff});
        assertThat(DatasetLoader.convert(Target.MARIADB, column("a", "timestamp with time zone", 0, 0, 0, true),
                "2022-02-01 10:00:00.5+00")).isEqualTo("2022-02-01 10:00:00.5");
        assertThat(DatasetLoader.convert(Target.SQLITE, column("a", "text", 0, 0, 0, true), "{a,\"b c\"}"))
                .isEqualTo("{a,\"b c\"}");
        assertThatThrownBy(() -> DatasetLoader.convert(Target.MARIADB, column("a", "integer", 0, 0, 0, true), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

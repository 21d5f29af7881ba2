package io.tacit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.model.TypeFamily;
import java.sql.Types;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TypeFamiliesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void familiesFollowJdbcTypesWithWellKnownNamesFirst() {
        Dialect generic = Dialects.forUrl("jdbc:h2:mem:x", TIMEOUT);
        assertThat(generic.typeFamily("INTEGER", Types.INTEGER)).isEqualTo(TypeFamily.INTEGER);
        assertThat(generic.typeFamily("NUMERIC", Types.NUMERIC)).isEqualTo(TypeFamily.DECIMAL);
        assertThat(generic.typeFamily("CHARACTER VARYING", Types.VARCHAR)).isEqualTo(TypeFamily.STRING);
        assertThat(generic.typeFamily("UUID", Types.BINARY)).isEqualTo(TypeFamily.UUID);
        assertThat(generic.typeFamily("jsonb", Types.OTHER)).isEqualTo(TypeFamily.JSON);
        assertThat(generic.typeFamily("INTEGER ARRAY", Types.ARRAY)).isEqualTo(TypeFamily.ARRAY);
        assertThat(generic.typeFamily("TIMESTAMP WITH TIME ZONE", Types.TIMESTAMP_WITH_TIMEZONE)).isEqualTo(TypeFamily.TIMESTAMP);
        assertThat(generic.typeFamily("BOOLEAN", Types.BOOLEAN)).isEqualTo(TypeFamily.BOOLEAN);
        assertThat(generic.typeFamily("GEOMETRY", Types.OTHER)).isEqualTo(TypeFamily.OTHER);
    }

    @Test
    void sqliteDeclaredTypesFollowItsAffinityRules() {
        Dialect sqlite = Dialects.forUrl("jdbc:sqlite:x.db", TIMEOUT);
        assertThat(family(sqlite, "INTEGER")).isEqualTo(TypeFamily.INTEGER);
        assertThat(family(sqlite, "BIGINT")).isEqualTo(TypeFamily.INTEGER);
        assertThat(family(sqlite, "varchar(20)")).isEqualTo(TypeFamily.STRING);
        assertThat(family(sqlite, "TEXT")).isEqualTo(TypeFamily.STRING);
        assertThat(family(sqlite, "REAL")).isEqualTo(TypeFamily.FLOAT);
        assertThat(family(sqlite, "DECIMAL(10,2)")).isEqualTo(TypeFamily.DECIMAL);
        assertThat(family(sqlite, "DATETIME")).isEqualTo(TypeFamily.TIMESTAMP);
        assertThat(family(sqlite, "DATE")).isEqualTo(TypeFamily.DATE);
        assertThat(family(sqlite, "BOOLEAN")).isEqualTo(TypeFamily.BOOLEAN);
        assertThat(family(sqlite, "BLOB")).isEqualTo(TypeFamily.BINARY);
        assertThat(family(sqlite, "UUID")).isEqualTo(TypeFamily.UUID);
        assertThat(family(sqlite, "")).isEqualTo(TypeFamily.OTHER);
    }

    private static TypeFamily family(Dialect sqlite, String declared) {
        return sqlite.typeFamily(declared, io.tacit.dialect.sqlite.SqliteDialect.jdbcType(declared));
    }
}

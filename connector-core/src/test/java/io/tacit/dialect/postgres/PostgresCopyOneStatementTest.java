package io.tacit.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresCopyOneStatementTest {
    @Test
    void aCopyOfQuotedHostileNamesPasses() {
        String sql = "COPY (SELECT p.\"a;b\", p.\"x*/y\", p.\"q\"\"; DROP TABLE t; --\", p.\"it's\\n$$\" FROM \"s\".\"t\" p"
                + " TABLESAMPLE SYSTEM (12.500000) REPEATABLE (0) LIMIT 100000) TO STDOUT";

        assertThatCode(() -> PostgresCopy.requireOneStatement(sql)).doesNotThrowAnyException();
    }

    @Test
    void aSecondStatementOutsideTheQuotesIsRefused() {
        // what the crafted relname${table} column produced: the quoting flipped and a COMMIT followed
        String sql = "COPY (SELECT p.\"relname\"s\".\"t\"\" FROM \"s\".\"t\" p) TO STDOUT;COMMIT;BEGIN READ WRITE;"
                + "CREATE TABLE pwned();COMMIT;--\"";

        assertThatThrownBy(() -> PostgresCopy.requireOneStatement(sql))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("';'");
    }

    @Test
    void commentsStringsAndUnclosedQuotesAreRefused() {
        assertThatThrownBy(() -> PostgresCopy.requireOneStatement("COPY (SELECT 1 /* x */) TO STDOUT"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostgresCopy.requireOneStatement("COPY (SELECT 'x') TO STDOUT"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostgresCopy.requireOneStatement("COPY (SELECT \"x) TO STDOUT"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.tacit.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresArrayLiteralTest {
    @Test
    void parsesPlainQuotedAndEscapedElements() {
        assertThat(PostgresArrayLiteral.parse("{1,2,30}")).containsExactly("1", "2", "30");
        assertThat(PostgresArrayLiteral.parse("{\"a,b\",\"say \\\"hi\\\"\",plain,\"back\\\\slash\"}"))
                .containsExactly("a,b", "say \"hi\"", "plain", "back\\slash");
    }

    @Test
    void leavesOutNullElementsButKeepsTheQuotedWordNull() {
        assertThat(PostgresArrayLiteral.parse("{1,NULL,\"NULL\"}")).containsExactly("1", "NULL");
    }

    @Test
    void keepsNestedArraysAsText() {
        assertThat(PostgresArrayLiteral.parse("{{1,2},{3}}")).containsExactly("{1,2}", "{3}");
    }

    @Test
    void malformedOrMissingInputGivesNothing() {
        assertThat(PostgresArrayLiteral.parse(null)).isEmpty();
        assertThat(PostgresArrayLiteral.parse("not an array")).isEmpty();
        assertThat(PostgresArrayLiteral.parse("{}")).isEmpty();
    }
}

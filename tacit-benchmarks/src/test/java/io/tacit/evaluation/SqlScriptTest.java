package io.tacit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void splitsAtTopLevelSemicolonsOnlyAndKeepsStartLines() {
        String script = """
                -- a comment; with a semicolon
                SET x = 'a;b';

                CREATE FUNCTION f() RETURNS int AS $_$
                  SELECT 1; SELECT 2;
                $_$ LANGUAGE sql;
                /* block; comment */ CREATE TABLE "odd;name" (id int);
                COMMENT ON TABLE t IS 'it''s; fine';
                """;
        List<SqlScript.Statement> statements = SqlScript.split(script);
        assertThat(statements).extracting(SqlScript.Statement::line).containsExactly(2, 4, 7, 8);
        assertThat(statements.get(0).sql()).isEqualTo("SET x = 'a;b'");
        assertThat(statements.get(1).sql()).contains("SELECT 1; SELECT 2;").endsWith("LANGUAGE sql");
        assertThat(statements.get(2).sql()).isEqualTo("CREATE TABLE \"odd;name\" (id int)");
        assertThat(statements.get(3).sql()).isEqualTo("COMMENT ON TABLE t IS 'it''s; fine'");
    }

    @Test
    void positionalParametersAreNotDollarQuotes() {
        List<SqlScript.Statement> statements = SqlScript.split("SELECT $1 + $2; SELECT 3;");
        assertThat(statements).extracting(SqlScript.Statement::sql).containsExactly("SELECT $1 + $2", "SELECT 3");
    }
}

package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tacit.testing.TestingMariaDb;
import io.tacit.testing.TestingPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tacit gap} against one Django app's schema loaded into PostgreSQL and MariaDB, with one of its foreign
 * keys enforced, two not (one with orphan rows), one column the database lacks and one constraint the code does
 * not declare; then the migration it writes is applied by the test (tacit never applies it) and the gap closes.
 */
class GapCommandIT {
    private static final String MODELS = """
            from django.db import models


            class Author(models.Model):
                name = models.CharField(max_length=100)


            class Book(models.Model):
                title = models.CharField(max_length=100)
                author = models.ForeignKey(Author, on_delete=models.CASCADE)
                editor = models.ForeignKey(Author, null=True, on_delete=models.SET_NULL, related_name="edited", db_constraint=False)
                translator = models.ForeignKey(Author, null=True, on_delete=models.SET_NULL, related_name="translated")


            class Review(models.Model):
                book = models.ForeignKey(Book, on_delete=models.CASCADE)
                body = models.TextField()
            """;

    private static final String[] SCHEMA = {
        "CREATE TABLE library_author (id integer PRIMARY KEY, name varchar(100))",
        "CREATE TABLE library_book (id integer PRIMARY KEY, title varchar(100), author_id integer NOT NULL,"
                + " editor_id integer, CONSTRAINT book_author_fk FOREIGN KEY (author_id)"
                + " REFERENCES library_author (id))",
        "CREATE TABLE library_review (id integer PRIMARY KEY, book_id integer NOT NULL, body varchar(200))",
        // a table the code does not model, whose constraint the code cannot know
        "CREATE TABLE library_loan (id integer PRIMARY KEY, book_id integer, CONSTRAINT loan_book_fk"
                + " FOREIGN KEY (book_id) REFERENCES library_book (id))",
        "INSERT INTO library_author VALUES (1, 'Le Guin'), (2, 'Calvino')",
        // editor 98 and 99 do not exist: two orphan rows; NULL is no orphan
        "INSERT INTO library_book VALUES (1, 'Earthsea', 1, 2), (2, 'Cosmicomics', 2, 99), (3, 'Lathe', 1, 98),"
                + " (4, 'Invisible Cities', 2, NULL)",
        "INSERT INTO library_review VALUES (1, 1, 'yes'), (2, 2, 'also yes')",
        "INSERT INTO library_loan VALUES (1, 1)"
    };

    @TempDir
    Path folder;

    @Test
    void postgresql() throws Exception {
        try (TestingPostgres database = new TestingPostgres("gap")) {
            database.execute(SCHEMA);
            // NOT VALID: the migration applies with the orphan rows still there
            check(database.jdbcUrl(), TestingPostgres.USER, database::execute, "NOT VALID", List.of());
        }
    }

    @Test
    void mariadb() throws Exception {
        try (TestingMariaDb database = new TestingMariaDb("gap")) {
            database.execute(SCHEMA);
            // MariaDB checks existing rows when it adds a constraint: the orphans go first
            check(database.jdbcUrl(), TestingMariaDb.USER, database::execute, "checks every existing row",
                    List.of("UPDATE library_book SET editor_id = NULL WHERE editor_id IN (98, 99)"));
        }
    }

    private void check(String url, String user, Consumer<String[]> execute, String dialectMark,
            List<String> beforeMigration) throws Exception {
        Path app = djangoApp();
        Path migration = folder.resolve("add-constraints.sql");

        CliRun run = CliRun.of("gap", "--jdbc-url", url, "--user", user, "--code", app.toString(), "--format",
                "json", "--migration", migration.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> unenforced = new ArrayList<>();
        for (JsonNode edge : json.path("declaredNotEnforced")) {
            unenforced.add(edge.path("from").path("table").asText() + "." + edge.path("from").path("columns").get(0)
                    .asText() + " orphans " + edge.path("orphanRows").asText() + " at " + edge.path("location")
                    .asText());
        }
        assertThat(unenforced).as(run.out()).containsExactly(
                "library_book.editor_id orphans 2 at library/models.py:11",
                "library_review.book_id orphans 0 at library/models.py:16");
        assertThat(json.path("enforcedNotDeclared")).hasSize(1);
        assertThat(json.path("enforcedNotDeclared").get(0).path("from").path("table").asText())
                .isEqualTo("library_loan");
        assertThat(json.path("missingInDatabase")).hasSize(1);
        assertThat(json.path("missingInDatabase").get(0).path("what").asText())
                .contains("has no column translator_id");
        JsonNode counts = json.path("declarations");
        assertThat(counts.toString()).contains(
                "{\"form\":\"ForeignKey\",\"declared\":3,\"enforced\":1,\"notEnforced\":1,\"missing\":1}",
                "{\"form\":\"ForeignKey db_constraint=False\",\"declared\":1,\"enforced\":0,\"notEnforced\":1,"
                        + "\"missing\":0}");

        String sql = Files.readString(migration, StandardCharsets.UTF_8);
        assertThat(sql).contains(dialectMark).contains("fk_library_book_editor_id")
                .contains("fk_library_review_book_id");

        // tacit only wrote the file: the database still has the gap
        CliRun again = CliRun.of("gap", "--jdbc-url", url, "--user", user, "--code", app.toString(),
                "--fail-on-gap");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(GapCommand.GAP_EXIT_CODE);
        assertThat(again.out()).contains("Declared in code, not enforced (2)");

        // the test applies the migration, as a person would: it is valid SQL and closes the gap
        execute.accept(beforeMigration.toArray(String[]::new));
        execute.accept(statements(sql));
        CliRun after = CliRun.of("gap", "--jdbc-url", url, "--user", user, "--code", app.toString(), "--format",
                "markdown");
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(after.out()).contains("## Declared in code, not enforced (0)")
                .contains("## Enforced, not declared in code (1)");
    }

    /** The migration's statements, its comment lines dropped. */
    private static String[] statements(String sql) {
        StringBuilder code = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(code.toString().split(";\n")).map(String::strip)
                .filter(statement -> !statement.isEmpty()).toArray(String[]::new);
    }

    private Path djangoApp() throws Exception {
        Path app = folder.resolve("app");
        Files.createDirectories(app.resolve("library"));
        Files.writeString(app.resolve("manage.py"), "import django\n");
        Files.writeString(app.resolve("library/__init__.py"), "");
        Files.writeString(app.resolve("library/models.py"), MODELS);
        return app;
    }
}

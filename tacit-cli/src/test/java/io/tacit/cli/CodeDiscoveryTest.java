package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discover --code PATH}: model code alone as the source, and beside a database (SQLite) as evidence. */
class CodeDiscoveryTest {
    private static final String MODELS = """
            from django.db import models


            class Author(models.Model):
                name = models.CharField(max_length=100)


            class Book(models.Model):
                title = models.CharField(max_length=100)
                author = models.ForeignKey(Author, on_delete=models.CASCADE, db_constraint=False)
                editor = models.ForeignKey("Author", null=True, on_delete=models.SET_NULL, related_name="edited")
            """;

    @TempDir
    Path folder;

    @Test
    void codeAloneIsTheSourceAndEveryEdgeCarriesItsFileAndLine() throws Exception {
        Path app = djangoApp();

        CliRun run = CliRun.of("discover", "--code", app.toString(), "--framework", "django", "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("summary").path("tables").asInt()).isEqualTo(2);
        assertThat(json.path("summary").path("orm").asInt()).isEqualTo(2);
        JsonNode first = json.path("relationships").get(0);
        assertThat(first.path("from").path("table").asText()).isEqualTo("library_book");
        assertThat(first.path("from").path("columns").get(0).asText()).isEqualTo("author_id");
        assertThat(first.path("origin").asText()).isEqualTo("ORM");
        assertThat(first.path("provenance").path("location").asText()).isEqualTo("library/models.py:10");
        assertThat(run.err()).contains("code: 2 tables and 2 relationships in Django models, 0 warnings");
    }

    @Test
    void besideADatabaseTheCodeMakesEdgesCertainAndReportsWhatTheDatabaseLacks() throws Exception {
        Path app = djangoApp();
        Path database = folder.resolve("library.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            // the database has the author edge's columns (no constraint) but no editor column
            statement.execute("CREATE TABLE library_author (id integer PRIMARY KEY, name text)");
            statement.execute("CREATE TABLE library_book (id integer PRIMARY KEY, title text, author_id integer)");
            statement.execute("INSERT INTO library_author VALUES (1, 'Le Guin'), (2, 'Calvino')");
            statement.execute("INSERT INTO library_book VALUES (1, 'Earthsea', 1), (2, 'Cosmicomics', 2)");
        }

        CliRun run = CliRun.of("discover", "--jdbc-url", "jdbc:sqlite:" + database, "--code", app.toString(),
                "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode author = null;
        for (JsonNode relationship : json.path("relationships")) {
            if (relationship.path("from").path("columns").get(0).asText().equals("author_id")) {
                author = relationship;
            }
        }
        assertThat(author).as(run.out()).isNotNull();
        assertThat(author.path("origin").asText()).isEqualTo("ORM");
        assertThat(author.path("confidence").asDouble()).isEqualTo(1.0);
        assertThat(author.path("provenance").path("location").asText()).isEqualTo("library/models.py:10");
        assertThat(run.err()).contains("library/models.py:11").contains("has no column editor_id");
    }

    @Test
    void anUnknownFrameworkIsAConfigurationError() throws Exception {
        CliRun run = CliRun.of("discover", "--jdbc-url", "jdbc:sqlite:" + folder.resolve("x.db"), "--code",
                djangoApp().toString(), "--framework", "rials");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("unknown framework 'rials'");
    }

    private Path djangoApp() throws Exception {
        Path app = folder.resolve("site");
        Files.createDirectories(app.resolve("library"));
        Files.writeString(app.resolve("library/models.py"), MODELS, StandardCharsets.UTF_8);
        return app;
    }
}

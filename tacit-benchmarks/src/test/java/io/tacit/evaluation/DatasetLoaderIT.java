package io.tacit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Loads datasets into the real PostgreSQL and MariaDB services and into SQLite files. */
class DatasetLoaderIT {
    private static final String SCHEMA = """
            SELECT pg_catalog.set_config('search_path', '', false);
            CREATE TABLE public.artist (
                artist_id integer NOT NULL,
                name character varying(120),
                active boolean,
                born timestamp with time zone,
                photo bytea
            );
            ALTER TABLE ONLY public.artist
                ADD CONSTRAINT artist_pkey PRIMARY KEY (artist_id);
            """;
    private static final String HEADER = "artist_id,name,active,born,photo\n";

    @TempDir
    Path directory;

    private DatasetLoader loader() {
        return new DatasetLoader(EvaluationServers.DEFAULTS.withSqliteDirectory(directory), false);
    }

    private static String databaseName() {
        return "tacit_eval_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private BenchmarkDataset dataset(String schema, String artists) {
        Path folder = directory.resolve("tiny" + UUID.randomUUID().toString().substring(0, 6));
        Fixtures.write(folder, "schema.sql", schema);
        Fixtures.write(folder, "truth.csv", "fk_table,fk_columns,pk_table,pk_columns\n");
        Fixtures.write(folder, "data/artist.csv", artists);
        return BenchmarkDataset.open(folder);
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void loadsChinookWithEveryRow(Target target) throws SQLException {
        BenchmarkDataset chinook = BenchmarkDataset.open(BenchmarkDataset.defaultRoot().resolve("chinook"));
        String name = databaseName();
        try (LoadedDatabase database = loader().load(chinook, target, name)) {
            assertThat(database.rows()).containsEntry("album", 347L).containsEntry("playlist_track", 8715L)
                    .containsEntry("track", 3503L).hasSize(11);
            assertThat(database.totalRows()).isEqualTo(15_607L);
            try (Connection connection = DatasetLoader.connect(database.connection());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT count(*) FROM employee WHERE reports_to IS NULL")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
        }
        assertThat(exists(target, name)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void nullAndEmptyStringStayApartAndValuesConvert(Target target) throws SQLException {
        BenchmarkDataset tiny = dataset(SCHEMA, HEADER
                + "1,,true,2020-01-02 03:04:05+00,\\x00ff\n"
                + "2,\"\",false,,\n"
                + "3,\"Smith, \"\"Jr\"\"\",,,\n");
        try (LoadedDatabase database = loader().load(tiny, target, databaseName());
                Connection connection = DatasetLoader.connect(database.connection());
                Statement statement = connection.createStatement()) {
            assertThat(database.rows()).isEqualTo(Map.of("artist", 3L));
            try (ResultSet rows = statement.executeQuery(
                    "SELECT artist_id, name, active, photo FROM artist ORDER BY artist_id")) {
                rows.next();
                assertThat(rows.getString(2)).isNull();
                assertThat(rows.getBoolean(3)).isTrue();
                assertThat(rows.getBytes(4)).containsExactly(0x00, 0xff);
                rows.next();
                assertThat(rows.getString(2)).isEmpty();
                assertThat(rows.getBoolean(3)).isFalse();
                rows.next();
                assertThat(rows.getString(2)).isEqualTo("Smith, \"Jr\"");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aRowThatDoesNotFitNamesFileAndLineAndLeavesNothingBehind(Target target) throws SQLException {
        BenchmarkDataset bad = dataset(SCHEMA, HEADER + "1,a,true,,\n2,b,true,,\nthree,c,true,,\n");
        String name = databaseName();
        assertThatThrownBy(() -> loader().load(bad, target, name))
                .isInstanceOf(TacitException.class)
                .hasMessageContaining("artist.csv:4")
                .satisfies(e -> assertThat(((TacitException) e).kind()).isEqualTo(ErrorKind.CONFIG));
        assertThat(exists(target, name)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aRowWithTheWrongNumberOfFieldsNamesFileAndLine(Target target) {
        BenchmarkDataset bad = dataset(SCHEMA, HEADER + "1,a,true,,\n2,b,true,,,extra\n");
        assertThatThrownBy(() -> loader().load(bad, target, databaseName()))
                .hasMessageContaining("artist.csv:3")
                .hasMessageContaining("6 fields where the header names 5 columns");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aHeaderNamingAnUnknownColumnIsRejected(Target target) {
        BenchmarkDataset bad = dataset(SCHEMA, "artist_id,nickname\n1,a\n");
        assertThatThrownBy(() -> loader().load(bad, target, databaseName()))
                .hasMessageContaining("artist.csv:1")
                .hasMessageContaining("'nickname' is not a column of table public.artist");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aSchemaThatFailsToLoadNamesItsLine(Target target) {
        BenchmarkDataset bad = dataset(SCHEMA + "\nCREATE TABLE public.broken (id integer NOT NUL);\n", HEADER);
        assertThatThrownBy(() -> loader().load(bad, target, databaseName()))
                .isInstanceOf(TacitException.class)
                .hasMessageContaining("schema.sql:12");
    }

    @org.junit.jupiter.api.Test
    void materializedViewsArePopulatedAfterTheRowsAreIn() throws SQLException {
        BenchmarkDataset withView = dataset(SCHEMA
                + "CREATE MATERIALIZED VIEW public.named AS SELECT artist_id FROM public.artist WHERE name IS NOT NULL"
                + " WITH NO DATA;\n", HEADER + "1,a,,,\n2,,,,\n");
        try (LoadedDatabase database = loader().load(withView, Target.POSTGRES, databaseName());
                Connection connection = DatasetLoader.connect(database.connection());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM public.named")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }

    @org.junit.jupiter.api.Test
    void missingDatasetFilesAreNamed() {
        Path folder = directory.resolve("empty");
        Fixtures.write(folder, "schema.sql", SCHEMA);
        assertThatThrownBy(() -> BenchmarkDataset.open(folder))
                .isInstanceOf(TacitException.class)
                .hasMessageContaining("truth.csv is missing");
        assertThatThrownBy(() -> BenchmarkDataset.open(directory.resolve("absent")))
                .hasMessageContaining("does not exist");
    }

    @org.junit.jupiter.api.Test
    void refusesDatabaseNamesItDidNotMake() {
        BenchmarkDataset tiny = dataset(SCHEMA, HEADER);
        assertThatThrownBy(() -> loader().load(tiny, Target.POSTGRES, "postgres"))
                .hasMessageContaining("not one tacit may create");
    }

    private boolean exists(Target target, String name) throws SQLException {
        switch (target) {
            case POSTGRES -> {
                try (Connection admin = DatasetLoader.connect(io.tacit.jdbc.ConnectionSettings.of(
                        EvaluationServers.DEFAULTS.postgresUrl(), "postgres", null));
                        Statement statement = admin.createStatement();
                        ResultSet rows = statement.executeQuery(
                                "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
                    rows.next();
                    return rows.getLong(1) > 0;
                }
            }
            case MARIADB -> {
                try (Connection admin = DatasetLoader.connect(io.tacit.jdbc.ConnectionSettings.of(
                        EvaluationServers.DEFAULTS.mariaDbUrl(), "root", null));
                        Statement statement = admin.createStatement();
                        ResultSet rows = statement.executeQuery(
                                "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + name + "'")) {
                    rows.next();
                    return rows.getLong(1) > 0;
                }
            }
            default -> {
                return java.nio.file.Files.exists(directory.resolve(name + ".sqlite"));
            }
        }
    }
}

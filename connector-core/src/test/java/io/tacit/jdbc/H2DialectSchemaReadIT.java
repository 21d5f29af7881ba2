package io.tacit.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The shared schema-read suite on H2, through the generic DatabaseMetaData dialect. */
class H2DialectSchemaReadIT extends AbstractDialectSchemaReadIT {
    @Override
    TestingDatabase create() {
        String url = "jdbc:h2:mem:tacit_suite_" + UUID.randomUUID().toString().substring(0, 8);
        Connection connection;
        try {
            // the in-memory database lives as long as this connection
            connection = DriverManager.getConnection(url, "sa", "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new TestingDatabase() {
            @Override
            public ConnectionSettings settings() {
                return ConnectionSettings.of(url, "sa", null);
            }

            @Override
            public void execute(String... statements) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements) {
                        statement.execute(sql);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public String schema() {
                return "PUBLIC";
            }

            @Override
            public void close() {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // an in-memory database: gone with its last connection
                }
            }
        };
    }

    @Override
    Capabilities capabilities() {
        return new Capabilities(false, false);
    }
}

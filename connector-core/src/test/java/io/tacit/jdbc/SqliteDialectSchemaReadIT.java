package io.tacit.jdbc;

import io.tacit.testing.TestingSqlite;

/** The shared schema-read suite on SQLite. */
class SqliteDialectSchemaReadIT extends AbstractDialectSchemaReadIT {
    @Override
    TestingDatabase create() {
        TestingSqlite sqlite = new TestingSqlite();
        return new TestingDatabase() {
            @Override
            public ConnectionSettings settings() {
                return sqlite.settings();
            }

            @Override
            public void execute(String... statements) {
                sqlite.execute(statements);
            }

            @Override
            public String schema() {
                return "main";
            }

            @Override
            public void close() {
                sqlite.close();
            }
        };
    }

    @Override
    Capabilities capabilities() {
        return new Capabilities(true, true);
    }
}

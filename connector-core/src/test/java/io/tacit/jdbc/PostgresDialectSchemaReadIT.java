package io.tacit.jdbc;

import io.tacit.testing.TestingPostgres;

/** The shared schema-read suite on PostgreSQL. */
class PostgresDialectSchemaReadIT extends AbstractDialectSchemaReadIT {
    @Override
    TestingDatabase create() {
        TestingPostgres postgres = new TestingPostgres("tacit_suite");
        return new TestingDatabase() {
            @Override
            public ConnectionSettings settings() {
                return postgres.settings();
            }

            @Override
            public void execute(String... statements) {
                postgres.execute(statements);
            }

            @Override
            public String schema() {
                return "public";
            }

            @Override
            public void close() {
                postgres.close();
            }
        };
    }

    @Override
    Capabilities capabilities() {
        return new Capabilities(true, true);
    }
}

package io.tacit.jdbc;

import io.tacit.testing.TestingMariaDb;

/** The shared schema-read suite on MariaDB. */
class MariaDbDialectSchemaReadIT extends AbstractDialectSchemaReadIT {
    @Override
    TestingDatabase create() {
        TestingMariaDb mariadb = new TestingMariaDb("tacit_suite");
        return new TestingDatabase() {
            @Override
            public ConnectionSettings settings() {
                return mariadb.settings();
            }

            @Override
            public void execute(String... statements) {
                mariadb.execute(statements);
            }

            @Override
            public String schema() {
                return mariadb.database();
            }

            @Override
            public void close() {
                mariadb.close();
            }
        };
    }

    @Override
    Capabilities capabilities() {
        return new Capabilities(true, true);
    }
}

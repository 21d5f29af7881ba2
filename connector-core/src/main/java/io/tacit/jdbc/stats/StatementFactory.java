package io.tacit.jdbc.stats;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Prepares every statement this package runs, so that all of them get the session's statement timeout. */
@FunctionalInterface
interface StatementFactory {
    PreparedStatement prepare(String sql) throws SQLException;
}

package io.tacit.jdbc.stats;

import java.sql.SQLException;
import java.util.List;

/** Hands a bulk scan's fields to the profiled columns, spending the table's distinct budget on new values. */
final class ProfileFieldSink implements FieldSink {
    private final List<ProfileColumn> columns;
    private final DistinctBudget budget;

    ProfileFieldSink(List<ProfileColumn> columns, DistinctBudget budget) {
        this.columns = List.copyOf(columns);
        this.budget = budget;
    }

    @Override
    public int fields() {
        return columns.size();
    }

    @Override
    public void acceptNull(int field) {
        columns.get(field).acceptNull();
    }

    @Override
    public void acceptField(int field, byte[] text, int start, int end) throws SQLException {
        if (columns.get(field).acceptCopyField(text, start, end)) {
            budget.spend();
        }
    }
}

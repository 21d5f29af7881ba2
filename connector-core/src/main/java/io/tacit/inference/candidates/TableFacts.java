package io.tacit.inference.candidates;

import static java.util.Objects.requireNonNull;

import io.tacit.model.Column;
import io.tacit.model.ColumnSet;
import io.tacit.model.Table;
import java.util.List;
import java.util.Optional;

/**
 * What the name index knows about one table.
 *
 * @param columnPrefix a short prefix most columns share ({@code o_} in TPC-H's orders), stripped before
 *                     comparing key names
 * @param aliases compact names the table goes by: its name, singular, plural, without a common table prefix
 * @param target the column other tables reference when they name this table: its single-column primary key,
 *               else a single-column unique key, else a column unique in the data named like a key
 * @param target is empty when the table cannot be referenced by one column
 * @param targetColumn the column named by {@code target}, found once (candidates are proposed to it many times);
 *                     empty when the table has no such column
 * @param targetSet {@code targetColumn} as a column set: one instance, shared by every candidate pointing at it
 */
public record TableFacts(Table table, Optional<String> columnPrefix, List<String> aliases, Optional<String> target,
        Optional<Column> targetColumn, Optional<ColumnSet> targetSet, List<String> singleKeys) {
    public TableFacts {
        requireNonNull(table, "table is null");
        requireNonNull(columnPrefix, "columnPrefix is null");
        aliases = List.copyOf(requireNonNull(aliases, "aliases is null"));
        requireNonNull(target, "target is null");
        requireNonNull(targetColumn, "targetColumn is null");
        requireNonNull(targetSet, "targetSet is null");
        // empty when the key names a column the table does not have (metadata is not to be trusted)
        if (targetColumn.isPresent() && !target.equals(targetColumn.map(Column::name))) {
            throw new IllegalArgumentException("the target column " + targetColumn + " is not the target " + target);
        }
        singleKeys = List.copyOf(requireNonNull(singleKeys, "singleKeys is null"));
    }

    /** A column's tokens without the table's column prefix. */
    public List<String> strippedTokens(String column) {
        List<String> tokens = Names.tokens(column);
        if (columnPrefix.isPresent() && tokens.size() >= 2 && tokens.get(0).equals(columnPrefix.get())) {
            return tokens.subList(1, tokens.size());
        }
        return tokens;
    }
}

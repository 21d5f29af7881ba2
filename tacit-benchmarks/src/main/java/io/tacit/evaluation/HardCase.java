package io.tacit.evaluation;

import io.tacit.model.Column;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Table;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The kinds of relationship that name matching alone gets wrong; recall is reported for each. */
public enum HardCase {
    /** a table referencing itself ({@code employee.reports_to}) */
    SELF_REFERENCE("self reference"),
    /**
     * a referencing column named for its role, not its target: its name differs from the referenced column's
     * and does not contain the referenced table's name ({@code support_rep_id} → {@code employee.employee_id})
     */
    ROLE_NAMED("role-named"),
    /** more than one column ({@code l_partkey + l_suppkey}) */
    COMPOSITE("composite"),
    /** one of several relationships between the same two tables ({@code billing_address_id}, {@code shipping_address_id}) */
    SEVERAL_TO_ONE_TABLE("several FKs to one table"),
    /** a {@code <name>_id} column beside a {@code <name>_type} discriminator */
    POLYMORPHIC("polymorphic");

    private final String label;

    HardCase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The hard cases {@code edge} belongs to, judged from all of the truth and the snapshot. */
    public static Set<HardCase> classify(TruthEdge edge, List<TruthEdge> truth, SchemaSnapshot snapshot) {
        Set<HardCase> cases = EnumSet.noneOf(HardCase.class);
        if (edge.isSelfReference()) {
            cases.add(SELF_REFERENCE);
        }
        if (!edge.from().isSingleColumn()) {
            cases.add(COMPOSITE);
        }
        if (isRoleNamed(edge)) {
            cases.add(ROLE_NAMED);
        }
        long sameTables = truth.stream()
                .filter(other -> other.from().table().equals(edge.from().table())
                        && other.to().table().equals(edge.to().table()))
                .count();
        if (sameTables > 1) {
            cases.add(SEVERAL_TO_ONE_TABLE);
        }
        if (isPolymorphic(edge, snapshot)) {
            cases.add(POLYMORPHIC);
        }
        return cases;
    }

    static boolean isRoleNamed(TruthEdge edge) {
        String target = normalize(edge.to().table().table());
        for (int i = 0; i < edge.from().columns().size(); i++) {
            String from = normalize(edge.from().columns().get(i));
            String to = normalize(edge.to().columns().get(i));
            if (!from.equals(to) && !containsTableName(from, target)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsTableName(String column, String table) {
        if (column.contains(table)) {
            return true;
        }
        // plural table names: categories -> category, addresses -> address, films -> film
        for (String singular : singulars(table)) {
            if (singular.length() >= 2 && column.contains(singular)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> singulars(String table) {
        if (table.endsWith("ies")) {
            return List.of(table.substring(0, table.length() - 3) + "y");
        }
        if (table.endsWith("es")) {
            return List.of(table.substring(0, table.length() - 2), table.substring(0, table.length() - 1));
        }
        if (table.endsWith("s")) {
            return List.of(table.substring(0, table.length() - 1));
        }
        return List.of();
    }

    private static boolean isPolymorphic(TruthEdge edge, SchemaSnapshot snapshot) {
        if (!edge.from().isSingleColumn()) {
            return false;
        }
        String column = edge.from().columns().get(0).toLowerCase(Locale.ROOT);
        if (!column.endsWith("_id")) {
            return false;
        }
        String discriminator = column.substring(0, column.length() - 3) + "_type";
        Optional<Table> table = snapshot.table(edge.from().table());
        return table.isPresent() && table.get().columns().stream()
                .map(Column::name)
                .anyMatch(name -> name.equalsIgnoreCase(discriminator));
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "");
    }
}

package io.tacit.orm;

import static java.util.Objects.requireNonNull;

import io.tacit.model.ColumnSet;
import io.tacit.model.ForeignKey;
import io.tacit.model.SourceLocation;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where model code and database constraints disagree: relationships the code declares that no constraint
 * enforces, constraints the code does not know, and what the code names that the database lacks.
 *
 * @param source the database read ({@link io.tacit.model.SchemaSnapshot#source()})
 * @param frameworks the frameworks whose code was read
 * @param dataRead whether orphans were counted (the level reads data)
 */
public record GapReport(
        String source,
        List<Framework> frameworks,
        boolean dataRead,
        List<UnenforcedEdge> declaredNotEnforced,
        List<ForeignKey> enforcedNotDeclared,
        List<MissingInDatabase> missingInDatabase,
        List<DeclarationCount> declarations,
        List<String> warnings) {
    public GapReport {
        requireNonNull(source, "source is null");
        frameworks = List.copyOf(requireNonNull(frameworks, "frameworks is null"));
        declaredNotEnforced = requireNonNull(declaredNotEnforced, "declaredNotEnforced is null").stream()
                .sorted(Comparator.comparing(UnenforcedEdge::from).thenComparing(UnenforcedEdge::to)).toList();
        enforcedNotDeclared = requireNonNull(enforcedNotDeclared, "enforcedNotDeclared is null").stream().sorted()
                .toList();
        missingInDatabase = requireNonNull(missingInDatabase, "missingInDatabase is null").stream()
                .sorted(Comparator.comparing(MissingInDatabase::what)).toList();
        declarations = requireNonNull(declarations, "declarations is null").stream()
                .sorted(Comparator.comparing(DeclarationCount::form)).toList();
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }

    /** Whether code and database disagree at all: what {@code --fail-on-gap} tests. */
    public boolean hasGap() {
        return !declaredNotEnforced.isEmpty() || !enforcedNotDeclared.isEmpty() || !missingInDatabase.isEmpty();
    }

    /**
     * A relationship the code declares and the database has the columns for, but no constraint enforces.
     *
     * @param orphanRows referencing rows whose non-null value has no referenced row; empty when not counted
     *     (the level reads no data, the check failed or its cap was reached)
     */
    public record UnenforcedEdge(ColumnSet from, ColumnSet to, SourceLocation location, String declaration,
            OptionalLong orphanRows) {
        public UnenforcedEdge {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
            requireNonNull(location, "location is null");
            requireNonNull(declaration, "declaration is null");
            requireNonNull(orphanRows, "orphanRows is null");
        }
    }

    /** A table or column the code names that the database lacks, one sentence. */
    public record MissingInDatabase(String what, SourceLocation location) {
        public MissingInDatabase {
            requireNonNull(what, "what is null");
            requireNonNull(location, "location is null");
        }
    }

    /**
     * How one form of declaration ({@code belongs_to}, {@code ForeignKey db_constraint=False},
     * {@code relationship}, {@code @ManyToOne}) fares against the constraints.
     */
    public record DeclarationCount(String form, int declared, int enforced, int notEnforced, int missing) {
        public DeclarationCount {
            requireNonNull(form, "form is null");
            if (declared != enforced + notEnforced + missing) {
                throw new IllegalArgumentException(form + ": " + declared + " declared is not " + enforced + " + "
                        + notEnforced + " + " + missing);
            }
        }
    }
}

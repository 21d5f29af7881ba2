package io.tacit.orm;

import static java.util.Objects.requireNonNull;

import io.tacit.jdbc.Dialect;
import io.tacit.model.ColumnSet;
import io.tacit.report.ConsoleText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * The SQL that would add the constraints a {@link GapReport} finds missing, for people to review and run; tacit
 * never runs it. Names are {@code fk_<table>_<columns>}, cut to what the database keeps whole and made unique
 * with a hash of the edge, so the same gap always gives the same file.
 */
public final class GapMigration {
    private final Dialect dialect;

    public GapMigration(Dialect dialect) {
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    public String render(GapReport report, Set<String> takenNames) {
        StringBuilder sql = new StringBuilder();
        sql.append("-- Constraints that model code declares and ").append(oneLine(report.source()))
                .append(" does not enforce.\n")
                .append("-- Written by tacit gap for review; tacit never runs it.\n");
        Set<String> taken = new HashSet<>();
        takenNames.forEach(name -> taken.add(name.toLowerCase(Locale.ROOT)));
        for (GapReport.UnenforcedEdge edge : report.declaredNotEnforced()) {
            String name = name(edge, taken);
            sql.append('\n').append("-- ").append(oneLine(edge.declaration())).append(" at ")
                    .append(oneLine(edge.location().toString()));
            if (edge.orphanRows().isPresent()) {
                sql.append(", ").append(edge.orphanRows().getAsLong()).append(" orphan rows");
            }
            sql.append('\n').append(addForeignKey(name, edge.from(), edge.to()));
        }
        return sql.toString();
    }

    /**
     * The statement that would add the constraint, with a comment saying what running it costs. Where the database
     * can add a foreign key without checking the rows already there, it does so (a brief lock), and the comment
     * names the separate step that checks them.
     */
    private String addForeignKey(String name, ColumnSet from, ColumnSet to) {
        String table = dialect.quote(from.table());
        String constraint = dialect.quoteIdentifier(name);
        String statement = "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint
                + " FOREIGN KEY (" + String.join(", ", from.columns().stream().map(dialect::quoteIdentifier).toList())
                + ") REFERENCES " + dialect.quote(to.table()) + " ("
                + String.join(", ", to.columns().stream().map(dialect::quoteIdentifier).toList()) + ")";
        if (dialect.addsUncheckedForeignKeys()) {
            return "-- NOT VALID: checks new and changed rows only, under a brief lock; existing rows are checked by a\n"
                    + "-- separate step, ALTER TABLE " + table + " VALIDATE CONSTRAINT " + constraint + ";\n"
                    + statement + " NOT VALID;\n";
        }
        return "-- checks every existing row while it runs: an orphan row makes it fail\n" + statement + ";\n";
    }

    /** A constraint name no other constraint of the migration or the database has, short enough to keep. */
    String name(GapReport.UnenforcedEdge edge, Set<String> taken) {
        String wanted = "fk_" + edge.from().table().table() + "_" + String.join("_", edge.from().columns());
        String hash = hash(edge.from() + "->" + edge.to());
        String name = fit(wanted, "");
        if (!name.equals(wanted) || taken.contains(name.toLowerCase(Locale.ROOT))) {
            name = fit(wanted, "_" + hash);
        }
        for (int round = 2; taken.contains(name.toLowerCase(Locale.ROOT)); round++) {
            name = fit(wanted, "_" + hash + "_" + round);
        }
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    /** {@code base} cut at a character boundary so that it and {@code suffix} fit the dialect's byte limit. */
    private String fit(String base, String suffix) {
        int limit = dialect.maxIdentifierBytes() - suffix.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int offset = 0; offset < base.length(); ) {
            int codePoint = base.codePointAt(offset);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > limit) {
                break;
            }
            kept.appendCodePoint(codePoint);
            bytes += size;
            offset += Character.charCount(codePoint);
        }
        return kept + suffix;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A name or path in a comment: a line break would end the comment and start SQL. */
    private static String oneLine(String text) {
        return ConsoleText.escape(text.replace('\n', ' ').replace('\r', ' '));
    }
}

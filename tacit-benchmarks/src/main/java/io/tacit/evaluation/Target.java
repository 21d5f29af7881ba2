package io.tacit.evaluation;

import java.util.Locale;

/** A database engine a benchmark dataset can be loaded into. */
public enum Target {
    POSTGRES,
    MARIADB,
    SQLITE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether names on this engine may differ in case from the PostgreSQL originals. */
    public boolean foldsNames() {
        return this != POSTGRES;
    }

    public static Target parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Target target : values()) {
            if (target.label().equals(wanted)) {
                return target;
            }
        }
        if (wanted.equals("postgresql") || wanted.equals("pg")) {
            return POSTGRES;
        }
        if (wanted.equals("mysql")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("unknown target '" + text + "'; use postgres, mariadb or sqlite");
    }
}

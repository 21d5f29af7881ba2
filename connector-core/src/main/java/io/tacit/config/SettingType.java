package io.tacit.config;

public enum SettingType {
    STRING,
    INTEGER,
    DOUBLE,
    BOOLEAN,
    /** an ISO-8601 duration ({@code PT30S}) or a short form ({@code 30s}, {@code 5m}) */
    DURATION,
    /** a list of strings */
    LIST,
    /** a credential: only accepted as a reference ({@code ${env:NAME}}, {@code ${file:/path}}) and never printed */
    SECRET
}

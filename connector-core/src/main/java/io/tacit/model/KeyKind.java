package io.tacit.model;

public enum KeyKind {
    PRIMARY,
    /** a unique constraint */
    UNIQUE,
    /** a unique index that is not backing a constraint */
    UNIQUE_INDEX
}

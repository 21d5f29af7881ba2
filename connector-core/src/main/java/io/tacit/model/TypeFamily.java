package io.tacit.model;

/**
 * Coarse type groups. Two columns can only join when their families are compatible: an {@code int4} column
 * can reference an {@code int8} key, a {@code varchar} can reference a {@code char}, but a {@code date}
 * never references an integer.
 */
public enum TypeFamily {
    INTEGER,
    DECIMAL,
    FLOAT,
    STRING,
    UUID,
    BOOLEAN,
    DATE,
    TIME,
    TIMESTAMP,
    BINARY,
    JSON,
    ARRAY,
    OTHER;

    /** Whether a value of this family can reference a key of {@code other}'s family. */
    public boolean joinableWith(TypeFamily other) {
        if (this == other) {
            return this != BOOLEAN && this != JSON && this != ARRAY && this != FLOAT;
        }
        // exact numerics mix freely: numeric(10,0) keys are referenced by integer columns and back
        return (this == INTEGER && other == DECIMAL) || (this == DECIMAL && other == INTEGER)
                // uuids stored as text on one side
                || (this == UUID && other == STRING) || (this == STRING && other == UUID);
    }

    /** Whether columns of this family can ever be keys worth inferring. */
    public boolean keyLike() {
        return this == INTEGER || this == DECIMAL || this == STRING || this == UUID || this == BINARY;
    }
}

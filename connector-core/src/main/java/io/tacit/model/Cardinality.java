package io.tacit.model;

public enum Cardinality {
    MANY_TO_ONE,
    ONE_TO_ONE,
    UNKNOWN
}

package io.tacit.model;

public enum Origin {
    /** a constraint the database declares */
    DECLARED,
    /** inferred by tacit from names, types, keys and data */
    INFERRED,
    /** declared by application model code (Rails, Django, SQLAlchemy) */
    ORM
}

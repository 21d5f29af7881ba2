package io.tacit.model;

public enum RelationshipKind {
    /** many rows of the referencing table point to one row of the referenced table */
    FOREIGN_KEY,
    /** the referencing columns are themselves unique: an extension or sub-type table */
    ONE_TO_ONE,
    /** a {@code *_type} + {@code *_id} pair; the edge holds for one discriminator value */
    POLYMORPHIC
}

package io.tacit.inference.candidates;

/** How a candidate's referencing column name points at its target. Ordered from strongest to weakest. */
public enum MatchKind {
    /** the column has the key's own name: {@code customer_id} -> {@code customer.customer_id} */
    EXACT_KEY_NAME("same name as the key"),
    /** same key name once each table's column prefix is stripped: {@code o_custkey} -> {@code c_custkey} */
    PREFIXED_KEY_NAME("same key name after the tables' column prefixes"),
    /** the column is {@code <table>_<key>}: {@code film_id} -> {@code film.id} */
    TABLE_AND_KEY("named after the table and its key"),
    /** the column composes several key columns of one composite key */
    COMPOSITE("its columns pair with every column of a composite key"),
    /** the key table's name extends the referencing table's name and key joins key (1:1 extension) */
    EXTENSION("extension table sharing the key"),
    /** the column is a role word followed by the key's name: {@code billing_address_id} -> {@code address_id} */
    ROLE_KEY_NAME("role name ending in the key's name"),
    /** a role word before the table's name: {@code manager_staff_id} -> {@code staff} */
    ROLE_TABLE("role name ending in the table's name"),
    /** the column is named after the table with no key suffix: {@code track.recording} -> {@code recording.id} */
    WHOLE_NAME("named after the table"),
    /** the column name completed by its own table's name: {@code artist.type} -> {@code artist_type} */
    QUALIFIED_NAME("column name completed by its table's name"),
    /** the n-th numbered column of a link table named after n tables: {@code l_area_artist.entity1} -> {@code artist} */
    JUNCTION_POSITION("numbered column of a link table named after its tables"),
    /** a key-named column pointing at the table whose name begins its own table's name */
    OWNER_TABLE("table whose name begins the referencing table's name"),
    /** the name stem is the leading words of the table's name: {@code kind_id} -> {@code kind_type} */
    TABLE_HEAD("name stem begins the table's name"),
    /** the name stem abbreviates the table's name: {@code ship_via} -> {@code shippers} */
    ABBREVIATION("name stem abbreviates the table's name"),
    /** a hierarchy word pointing at its own table: {@code parent_id}, {@code reports_to} */
    SELF_ROLE("hierarchy role pointing at its own table"),
    /** a person role pointing at a people table: {@code created_by}, {@code support_rep_id} */
    PERSON_ROLE("person role pointing at a people table"),
    /** the column comment names the table */
    COMMENT("column comment names the table"),
    /** no name match: found by values */
    VALUES_ONLY("no name match");

    private final String description;

    MatchKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * The feature name used by the scoring model. Spellings of one convention share a feature, so that a
     * dataset using one spelling teaches the model about the others: the key's own name with or without
     * column prefixes; the table's name with or without a key suffix; a role word before a key or table name.
     */
    public String feature() {
        switch (this) {
            case EXACT_KEY_NAME:
            case PREFIXED_KEY_NAME:
                return "key_name";
            case TABLE_AND_KEY:
            case WHOLE_NAME:
                return "table_name";
            case ROLE_KEY_NAME:
            case ROLE_TABLE:
                return "role_name";
            default:
                return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

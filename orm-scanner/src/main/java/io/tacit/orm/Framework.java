package io.tacit.orm;

import java.util.Locale;
import java.util.Optional;

/** The model code tacit can read. */
public enum Framework {
    RAILS("Rails (ActiveRecord)"),
    DJANGO("Django"),
    SQLALCHEMY("SQLAlchemy"),
    JPA("JPA / Hibernate");

    private final String title;

    Framework(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** {@code rails}, {@code django}, {@code sqlalchemy}, {@code jpa}; empty for {@code auto} or anything else. */
    public static Optional<Framework> named(String name) {
        for (Framework framework : values()) {
            if (framework.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(framework);
            }
        }
        return Optional.empty();
    }

    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.tacit.orm;

import java.util.Locale;

/** How JPA names become table and column names: Hibernate's default keeps them, Spring Boot's snake-cases them. */
public enum JpaNaming {
    /** Hibernate's {@code PhysicalNamingStrategyStandardImpl}: the logical name as it is */
    HIBERNATE,
    /** Spring Boot's {@code CamelCaseToUnderscoresNamingStrategy}: {@code OrderLine} becomes {@code order_line} */
    SPRING;

    public String physical(String logical) {
        if (this == HIBERNATE) {
            return logical;
        }
        // Spring's rule: an underscore where a lower-case letter is followed by an upper-case one that is itself
        // followed by a lower-case one, dots become underscores, then everything is lower-cased
        StringBuilder name = new StringBuilder(logical.replace('.', '_'));
        for (int i = 1; i < name.length() - 1; i++) {
            if (Character.isLowerCase(name.charAt(i - 1)) && Character.isUpperCase(name.charAt(i))
                    && Character.isLowerCase(name.charAt(i + 1))) {
                name.insert(i++, '_');
            }
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }
}

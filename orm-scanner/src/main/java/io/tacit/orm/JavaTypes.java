package io.tacit.orm;

import io.tacit.model.TypeFamily;
import java.util.Map;

/** The type family of a Java field type as JPA maps it. */
final class JavaTypes {
    private static final Map<String, TypeFamily> FAMILIES = Map.ofEntries(
            Map.entry("long", TypeFamily.INTEGER), Map.entry("Long", TypeFamily.INTEGER),
            Map.entry("int", TypeFamily.INTEGER), Map.entry("Integer", TypeFamily.INTEGER),
            Map.entry("short", TypeFamily.INTEGER), Map.entry("Short", TypeFamily.INTEGER),
            Map.entry("byte", TypeFamily.INTEGER), Map.entry("Byte", TypeFamily.INTEGER),
            Map.entry("BigInteger", TypeFamily.INTEGER), Map.entry("BigDecimal", TypeFamily.DECIMAL),
            Map.entry("double", TypeFamily.FLOAT), Map.entry("Double", TypeFamily.FLOAT),
            Map.entry("float", TypeFamily.FLOAT), Map.entry("Float", TypeFamily.FLOAT),
            Map.entry("boolean", TypeFamily.BOOLEAN), Map.entry("Boolean", TypeFamily.BOOLEAN),
            Map.entry("String", TypeFamily.STRING), Map.entry("char", TypeFamily.STRING),
            Map.entry("Character", TypeFamily.STRING), Map.entry("UUID", TypeFamily.UUID),
            Map.entry("LocalDate", TypeFamily.DATE), Map.entry("Date", TypeFamily.TIMESTAMP),
            Map.entry("LocalTime", TypeFamily.TIME), Map.entry("LocalDateTime", TypeFamily.TIMESTAMP),
            Map.entry("Instant", TypeFamily.TIMESTAMP), Map.entry("OffsetDateTime", TypeFamily.TIMESTAMP),
            Map.entry("ZonedDateTime", TypeFamily.TIMESTAMP), Map.entry("Timestamp", TypeFamily.TIMESTAMP),
            Map.entry("byte[]", TypeFamily.BINARY), Map.entry("Byte[]", TypeFamily.BINARY));

    private JavaTypes() {
    }

    static TypeFamily family(String type) {
        return FAMILIES.getOrDefault(type, TypeFamily.OTHER);
    }

    static boolean primitive(String type) {
        return Character.isLowerCase(type.charAt(0)) && !type.endsWith("[]");
    }
}

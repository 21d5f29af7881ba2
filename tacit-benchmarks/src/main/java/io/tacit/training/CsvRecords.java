package io.tacit.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses PostgreSQL {@code COPY ... (FORMAT csv)} text: comma-separated, {@code "}-quoted fields with doubled
 * quotes, line breaks allowed inside quotes; an empty unquoted field is NULL (returned as {@code null}),
 * {@code ""} is the empty string.
 */
final class CsvRecords {
    private CsvRecords() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < length && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                record.add(value(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n') {
                record.add(value(field, wasQuoted));
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                wasQuoted = false;
            } else if (c != '\r') {
                field.append(c);
            }
            i++;
        }
        if (field.length() > 0 || wasQuoted || !record.isEmpty()) {
            record.add(value(field, wasQuoted));
            records.add(record);
        }
        return records;
    }

    private static String value(StringBuilder field, boolean wasQuoted) {
        if (field.length() == 0 && !wasQuoted) {
            return null;
        }
        return field.toString();
    }
}

package io.tacit.report;

import io.tacit.model.InferenceResult;
import java.util.Locale;

/** The ways a result can be written out. */
public enum ReportFormat {
    TABLE,
    JSON,
    CSV,
    MARKDOWN,
    /** one self-contained page: the ER diagram, evidence, review (see io.tacit.report.html) */
    HTML;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String render(InferenceResult result) {
        return switch (this) {
            case TABLE -> ConsoleTable.render(result);
            case JSON -> JsonReport.render(result);
            case CSV -> CsvReport.render(result);
            case MARKDOWN -> MarkdownReport.render(result);
            case HTML -> io.tacit.report.html.HtmlReport.render(result);
        };
    }

    public static ReportFormat parse(String text) {
        for (ReportFormat format : values()) {
            if (format.label().equalsIgnoreCase(text.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "'; use table, json, csv, markdown or html");
    }
}

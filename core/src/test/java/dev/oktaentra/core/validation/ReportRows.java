package dev.oktaentra.core.validation;

import java.util.List;
import java.util.stream.Stream;

/** A small report's findings as a list, for tests; the stream is closed, as its spill file wants. */
final class ReportRows {

    private ReportRows() {
    }

    static List<ValidationFinding> of(ValidationReport report) {
        try (Stream<ValidationFinding> rows = report.findings()) {
            return rows.toList();
        }
    }
}

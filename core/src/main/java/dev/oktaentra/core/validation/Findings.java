package dev.oktaentra.core.validation;

import dev.oktaentra.core.validation.internal.store.SpillEntry;
import dev.oktaentra.core.validation.internal.store.SpillReader;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Walks the spills and the cloud store, turning each into findings. */
final class Findings implements Iterator<ValidationFinding> {
    private final ValidationReport report;
    private final SpillReader cloudInvalid;
    private final SpillReader reader;
    private final FindingBuilder builder;
    private final SpillEntry spilled = new SpillEntry();
    private boolean cloudInvalidDone;
    private int entry;
    private int cloudEntry;
    private ValidationFinding next;

    Findings(ValidationReport report, SpillReader cloudInvalid, SpillReader reader) {
        this.report = report;
        this.cloudInvalid = cloudInvalid;
        this.reader = reader;
        this.builder = new FindingBuilder(report);
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (!cloudInvalidDone) {
            if (cloudInvalid.next(spilled)) {
                next = builder.fromInvalid(spilled.invalid());
                return true;
            }
            cloudInvalidDone = true;
        }
        if (reader.next(spilled)) {
            next = spilled.isInvalid() ? builder.fromInvalid(spilled.invalid())
                    : builder.fromUser(entry, report.verdict(entry), spilled);
            entry++;
            return true;
        }
        while (cloudEntry < report.cloud().size()) {
            int c = cloudEntry++;
            Verdict verdict = report.cloudVerdict(c);
            if (verdict != null) {
                next = builder.fromCloud(c, verdict);
                return true;
            }
        }
        return false;
    }

    @Override
    public ValidationFinding next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ValidationFinding finding = next;
        next = null;
        return finding;
    }

    void close() {
        try {
            reader.close();
        } finally {
            cloudInvalid.close();
        }
    }
}

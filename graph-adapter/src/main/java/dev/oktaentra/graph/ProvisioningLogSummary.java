package dev.oktaentra.graph;

import dev.oktaentra.core.tenant.ProvisioningEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a provisioning log window says, for the verification step after cutover: entries by status, failures by
 * error code (most frequent first), and the failures that mean a source object found no cloud object to match.
 *
 * @param total entries read
 * @param byStatus entries per status ({@code success}, {@code failure}, {@code skipped}, {@code warning})
 * @param failuresByErrorCode failures per error code, most frequent first; {@code (none)} for failures without one
 * @param noMatchCount failures whose code or reason says no matching object was found
 * @param noMatchFailures the first of those failures, at most {@link #MAX_EXAMPLES}
 */
public record ProvisioningLogSummary(long total, Map<String, Long> byStatus, Map<String, Long> failuresByErrorCode,
        long noMatchCount, List<ProvisioningEvent> noMatchFailures) {

    /** How many no-match failures are kept as examples; the count covers all of them. */
    public static final int MAX_EXAMPLES = 1000;

    // Error codes and reasons seen for "the source object matched nothing" in provisioning logs, phrased loosely
    // because Microsoft words them differently across connectors.
    private static final Pattern NO_MATCH_CODE = Pattern.compile("(?i).*(no.?match|match.?not.?found|notfound"
            + "|entrynotfound|objectnotfound).*");
    private static final Pattern NO_MATCH_REASON = Pattern.compile("(?is).*(no match|no matching|not be found"
            + "|was not found|could not find|couldn't find|not found in the target).*");

    /** Freezes the collections. */
    public ProvisioningLogSummary {
        byStatus = freeze(byStatus);
        failuresByErrorCode = freeze(failuresByErrorCode);
        noMatchFailures = List.copyOf(noMatchFailures);
    }

    /**
     * Summarises a stream of entries, e.g. {@link GraphTenantSync#provisioningEvents}; consumes and closes it.
     *
     * @param events the entries
     * @return the summary
     */
    public static ProvisioningLogSummary of(Stream<ProvisioningEvent> events) {
        Objects.requireNonNull(events, "events");
        long[] total = {0};
        long[] noMatch = {0};
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byCode = new TreeMap<>();
        List<ProvisioningEvent> examples = new ArrayList<>();
        try (events) {
            events.forEach(e -> {
                total[0]++;
                String status = e.status() == null ? "(none)" : e.status().toLowerCase(Locale.ROOT);
                byStatus.merge(status, 1L, Long::sum);
                if (e.failed()) {
                    byCode.merge(e.errorCode() == null ? "(none)" : e.errorCode(), 1L, Long::sum);
                    if (isNoMatch(e)) {
                        noMatch[0]++;
                        if (examples.size() < MAX_EXAMPLES) {
                            examples.add(e);
                        }
                    }
                }
            });
        }
        Map<String, Long> sortedCodes = byCode.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return new ProvisioningLogSummary(total[0], byStatus, sortedCodes, noMatch[0], examples);
    }

    /**
     * Whether a failure means the source object found no cloud object to match.
     *
     * @param event an entry
     * @return true for a failed entry whose code or reason says so
     */
    public static boolean isNoMatch(ProvisioningEvent event) {
        return event.failed() && (event.errorCode() != null && NO_MATCH_CODE.matcher(event.errorCode()).matches()
                || event.reason() != null && NO_MATCH_REASON.matcher(event.reason()).matches());
    }

    /**
     * The number of failures.
     *
     * @return entries with status {@code failure}
     */
    public long failures() {
        return byStatus.getOrDefault("failure", 0L);
    }

    /** Keeps a map's iteration order while making it unmodifiable. */
    private static Map<String, Long> freeze(Map<String, Long> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}

package dev.oktaentra.core.tenant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a window of Entra's provisioning log says: entries by status, failures by error code (most frequent first)
 * and by {@link ProvisioningFailure} category, and the failures that block the cutover.
 *
 * <pre>{@code
 * ProvisioningLogSummary log = ProvisioningLogSummary.of(tenant.provisioningEvents(cutover, Instant.now(), null));
 * if (log.blockingCount() > 0) { ... }
 * }</pre>
 *
 * @param total entries read
 * @param byStatus entries per status ({@code success}, {@code failure}, {@code skipped}, {@code warning})
 * @param failuresByErrorCode failures per error code, most frequent first; {@code (none)} for failures without one
 * @param failuresByCategory failures per category, in the enum's order
 * @param blockingCount failures whose category {@linkplain ProvisioningFailure#blocksCutover() blocks the cutover}
 * @param blockingFailures the first of those failures, at most {@link #MAX_EXAMPLES}
 */
public record ProvisioningLogSummary(long total, Map<String, Long> byStatus, Map<String, Long> failuresByErrorCode,
        Map<ProvisioningFailure, Long> failuresByCategory, long blockingCount,
        List<ProvisioningEvent> blockingFailures) {

    /** How many blocking failures are kept as examples; the count covers all of them. */
    public static final int MAX_EXAMPLES = 1000;

    /**
     * Freezes the collections.
     *
     * @param total entries read
     * @param byStatus entries per status ({@code success}, {@code failure}, {@code skipped}, {@code warning})
     * @param failuresByErrorCode failures per error code, most frequent first; {@code (none)} for failures without one
     * @param failuresByCategory failures per category, in the enum's order
     * @param blockingCount failures whose category {@linkplain ProvisioningFailure#blocksCutover() blocks the cutover}
     * @param blockingFailures the first of those failures, at most {@link #MAX_EXAMPLES}
     */
    public ProvisioningLogSummary {
        byStatus = Collections.unmodifiableMap(new LinkedHashMap<>(byStatus));
        failuresByErrorCode = Collections.unmodifiableMap(new LinkedHashMap<>(failuresByErrorCode));
        Map<ProvisioningFailure, Long> categories = new EnumMap<>(ProvisioningFailure.class);
        categories.putAll(failuresByCategory);
        failuresByCategory = Collections.unmodifiableMap(categories);
        blockingFailures = List.copyOf(blockingFailures);
    }

    /**
     * Summarises a stream of entries, e.g. {@link TenantSync#provisioningEvents}; consumes and closes it.
     *
     * @param events the entries
     * @return the summary
     */
    public static ProvisioningLogSummary of(Stream<ProvisioningEvent> events) {
        Objects.requireNonNull(events, "events");
        long[] counts = {0, 0};
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byCode = new TreeMap<>();
        Map<ProvisioningFailure, Long> byCategory = new EnumMap<>(ProvisioningFailure.class);
        List<ProvisioningEvent> examples = new ArrayList<>();
        try (events) {
            events.forEach(e -> {
                counts[0]++;
                String status = e.status() == null ? "(none)" : e.status().toLowerCase(Locale.ROOT);
                byStatus.merge(status, 1L, Long::sum);
                ProvisioningFailure.of(e).ifPresent(category -> {
                    byCode.merge(e.errorCode() == null ? "(none)" : e.errorCode(), 1L, Long::sum);
                    byCategory.merge(category, 1L, Long::sum);
                    if (category.blocksCutover()) {
                        counts[1]++;
                        if (examples.size() < MAX_EXAMPLES) {
                            examples.add(e);
                        }
                    }
                });
            });
        }
        Map<String, Long> sortedCodes = byCode.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return new ProvisioningLogSummary(counts[0], byStatus, sortedCodes, byCategory, counts[1], examples);
    }

    /**
     * The number of failures.
     *
     * @return entries with status {@code failure}
     */
    public long failures() {
        return byStatus.getOrDefault("failure", 0L);
    }

    /**
     * The failures of one category.
     *
     * @param category the category
     * @return how many, 0 when none
     */
    public long failures(ProvisioningFailure category) {
        return failuresByCategory.getOrDefault(category, 0L);
    }
}

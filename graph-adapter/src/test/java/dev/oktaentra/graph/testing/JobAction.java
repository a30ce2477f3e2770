package dev.oktaentra.graph.testing;

/**
 * A start, restart or delete of a synchronization job that {@link FakeGraphServer} received.
 *
 * @param servicePrincipalId the job's service principal
 * @param jobId the job
 * @param action {@code start}, {@code restart} or {@code delete}
 * @param resetScope for a restart, the {@code criteria.resetScope} text as sent (e.g. {@code Escrows,Watermark}),
 *        else {@code null}
 */
public record JobAction(String servicePrincipalId, String jobId, String action, String resetScope) {
}

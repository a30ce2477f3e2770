package dev.oktaentra.core.tenant;

/**
 * What one on-demand provisioning did to the user, for the sample {@code enable-cloud-sync} provisions before it
 * starts the jobs: matched an existing Entra user, or anything else, which stops the step. The one classifier of
 * on-demand answers; failures are classified further by {@link ProvisioningFailure}.
 *
 * <p>The rules, first match wins, each from a Microsoft page:
 * <ol>
 *   <li>{@link #CREATED}: the answer's {@code action} is {@code Create}, or an export step is named
 *       {@code EntryExportAdd}. Cloud sync's on-demand page says the matching step shows "whether a match was found
 *       or if a new user is going to be created", with the operations "Create: A user is created in Microsoft Entra
 *       ID" and "Update: A user is updated"
 *       (https://learn.microsoft.com/entra/identity/hybrid/cloud-sync/how-to-on-demand-provision, "Match user between
 *       source and target system"); the provisioning service logs the export that creates an account as
 *       {@code EntryExportAdd} (https://learn.microsoft.com/entra/identity/saas-apps/workday-inbound-tutorial,
 *       "Troubleshooting": "the "EventName" is set to "EntryExportAdd"" for the account create operation).</li>
 *   <li>{@link #FAILED}: the key's {@code result} is {@code Failure}.</li>
 *   <li>{@link #UPDATED}: {@code result} {@code Success} with {@code action} {@code Update} or an
 *       {@code EntryExportUpdate} export step, as in Microsoft's AD-to-Entra example ("User 'adelev@chicago.com' was
 *       updated in Azure Active Directory",
 *       https://learn.microsoft.com/graph/api/synchronization-synchronizationjob-provisionondemand, example 2).</li>
 *   <li>{@link #UNCHANGED}: {@code result} {@code Skipped} with error code {@code RedundantExport}, "The state of the
 *       user in both the source and target systems already match" (same page, example 1): a user exists and is
 *       joined.</li>
 *   <li>{@link #UNCLEAR}: anything else. No source lists every result or skip reason; an answer that does not say
 *       it matched an existing user is taken as not matching, the safer side.</li>
 * </ol>
 */
public enum OnDemandOutcome {

    /** Matched an existing Entra user and updated it. */
    UPDATED("matched an existing user and updated it", true),

    /** Matched an existing Entra user whose state already agreed: nothing was written. */
    UNCHANGED("matched an existing user, nothing to change", true),

    /** Created a new Entra user: no existing user matched. The user now exists, a duplicate of the one Okta made. */
    CREATED("created a new user instead of matching", false),

    /** The service failed to provision the user. */
    FAILED("failed", false),

    /** An answer that does not say it matched an existing user. */
    UNCLEAR("did not say it matched an existing user", false);

    private static final String CREATE_STEP = "EntryExportAdd";
    private static final String UPDATE_STEP = "EntryExportUpdate";

    private final String label;
    private final boolean matched;

    OnDemandOutcome(String label, boolean matched) {
        this.label = label;
        this.matched = matched;
    }

    /**
     * What an answer means.
     *
     * @param answer the parsed answer
     * @return its outcome
     */
    public static OnDemandOutcome of(OnDemandProvisioning answer) {
        boolean add = "Create".equalsIgnoreCase(answer.action()) || answer.steps("Export").stream()
                .anyMatch(s -> s.named(CREATE_STEP));
        if (add) {
            return CREATED;
        }
        if ("Failure".equalsIgnoreCase(answer.result())) {
            return FAILED;
        }
        boolean update = "Update".equalsIgnoreCase(answer.action()) || answer.exportStep()
                .filter(s -> s.named(UPDATE_STEP) && "Success".equalsIgnoreCase(s.status())).isPresent();
        if ("Success".equalsIgnoreCase(answer.result()) && update) {
            return UPDATED;
        }
        if ("Skipped".equalsIgnoreCase(answer.result()) && "RedundantExport".equalsIgnoreCase(answer.errorCode())) {
            return UNCHANGED;
        }
        return UNCLEAR;
    }

    /**
     * Whether the user was matched to an existing Entra user, the only outcome that lets the cutover go on.
     *
     * @return true for {@link #UPDATED} and {@link #UNCHANGED}
     */
    public boolean matchedExistingUser() {
        return matched;
    }

    /**
     * A few words for reports.
     *
     * @return e.g. {@code created a new user instead of matching}
     */
    public String label() {
        return label;
    }

    /**
     * A sentence for one answer: the outcome, the export step's words and, for a failure, its error code and
     * {@link ProvisioningFailure} category.
     *
     * @param answer the answer
     * @return the sentence
     */
    public static String describe(OnDemandProvisioning answer) {
        OnDemandOutcome outcome = of(answer);
        StringBuilder s = new StringBuilder(answer.who()).append(": ").append(outcome.label)
                .append(" (result ").append(answer.result()).append(", action ").append(answer.action());
        answer.exportStep().ifPresent(e -> s.append(", ").append(e.name()).append(' ').append(e.status()));
        if (answer.errorCode() != null) {
            s.append(", error ").append(answer.errorCode());
            if (outcome == FAILED) {
                s.append(" = ").append(ProvisioningFailure.ofCode(answer.errorCode()).label());
            }
        }
        if (answer.errorMessage() != null && !answer.errorMessage().isBlank()) {
            s.append(": ").append(answer.errorMessage());
        }
        return s.append(')').toString();
    }
}

package dev.oktaentra.core.tenant;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What Entra's provisioning service answered for one user provisioned on demand ({@code POST
 * /servicePrincipals/{id}/synchronization/jobs/{jobId}/provisionOnDemand}): the {@code key} and {@code value} of its
 * {@code stringKeyStringValuePair}, each a JSON string parsed again, reduced to what tells a match from a create
 * (https://learn.microsoft.com/graph/api/synchronization-synchronizationjob-provisionondemand, examples 1 and 2).
 * {@link OnDemandOutcome#of} says what it means.
 *
 * <p>On-demand provisioning is not a dry run: the service really provisions the user ("Select a user and provision
 * the account on-demand", same page).
 *
 * @param jobId the job that provisioned
 * @param subject the user provisioned, its AD distinguished name
 * @param result the key's {@code result}: {@code Success}, {@code Skipped}, {@code Failure}, …; {@code null} when absent
 * @param errorCode the key's {@code details.errorCode}, else the value's {@code statusInfo.errorCode}, or {@code null}
 * @param errorMessage the matching {@code errorMessage} or {@code statusInfo.reason}, or {@code null}
 * @param action the value's {@code action}, e.g. {@code Update}, {@code Create}, {@code Other}, or {@code null}
 * @param steps the value's {@code provisioningSteps}, in order
 * @param targetId the value's {@code targetIdentity.id}, the Entra object the service wrote, or {@code null}
 * @param reportableIdentifier the value's {@code reportableIdentifier}, e.g. the UPN, or {@code null}
 */
public record OnDemandProvisioning(String jobId, String subject, String result, String errorCode, String errorMessage,
        String action, List<Step> steps, String targetId, String reportableIdentifier) {

    /**
     * Checks the required components and freezes the steps.
     *
     * @param jobId the job that provisioned
     * @param subject the user provisioned, its AD distinguished name
     * @param result the key's {@code result}, or {@code null} when absent
     * @param errorCode the error code, or {@code null}
     * @param errorMessage the error message, or {@code null}
     * @param action the value's {@code action}, or {@code null}
     * @param steps the value's {@code provisioningSteps}, in order
     * @param targetId the Entra object the service wrote, or {@code null}
     * @param reportableIdentifier the value's {@code reportableIdentifier}, or {@code null}
     */
    public OnDemandProvisioning {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(subject, "subject");
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
    }

    /**
     * The steps of one type, e.g. {@code Export}, in order.
     *
     * @param type the step type, any case
     * @return the steps
     */
    public List<Step> steps(String type) {
        return steps.stream().filter(s -> s.type() != null && s.type().equalsIgnoreCase(type)).toList();
    }

    /**
     * The last step of type {@code Export}: what the service did to the Entra object.
     *
     * @return the step, or empty when the service exported nothing
     */
    public Optional<Step> exportStep() {
        List<Step> export = steps("Export");
        return export.isEmpty() ? Optional.empty() : Optional.of(export.get(export.size() - 1));
    }

    /**
     * The user for people: the reportable identifier (its UPN) with its DN.
     *
     * @return e.g. {@code adelev@chicago.com (CN=AdeleV,CN=Users,DC=corp,DC=chicago,DC=com)}
     */
    public String who() {
        return reportableIdentifier == null || reportableIdentifier.isBlank() ? subject
                : reportableIdentifier + " (" + subject + ")";
    }

    /**
     * One entry of {@code provisioningSteps}.
     *
     * @param name e.g. {@code EntryImportAdd}, {@code EntrySynchronizationScoping}, {@code EntryExportUpdate}
     * @param type e.g. {@code Import}, {@code Scoping}, {@code Matching}, {@code Export}
     * @param status e.g. {@code Success}, {@code Skipped}, {@code Failure}
     * @param description the service's sentence, e.g. {@code User 'adelev@chicago.com' was updated in Azure Active
     *        Directory}
     */
    public record Step(String name, String type, String status, String description) {

        /**
         * Whether the step has this name, any case.
         *
         * @param other a step name
         * @return true when equal ignoring case
         */
        public boolean named(String other) {
            return name != null && name.toLowerCase(Locale.ROOT).equals(other.toLowerCase(Locale.ROOT));
        }
    }
}

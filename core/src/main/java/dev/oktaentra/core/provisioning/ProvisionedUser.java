package dev.oktaentra.core.provisioning;

import dev.oktaentra.core.anchor.ImmutableId;

/**
 * What an identity provider believes it wrote for one user: the third witness beside AD and Entra ID.
 *
 * @param appId the app that provisions the user
 * @param userId the user's id in the identity provider
 * @param userName the user name the app uses, usually the UPN
 * @param immutableId the ImmutableID the app stamps, or {@code null} when it holds none
 * @param externalId the id of the user in the target, as the provider recorded it, or {@code null}
 * @param status the app-user status, e.g. {@code PROVISIONED}
 */
public record ProvisionedUser(
        String appId,
        String userId,
        String userName,
        ImmutableId immutableId,
        String externalId,
        String status) {
}

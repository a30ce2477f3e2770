package dev.oktaentra.core.validation;

import dev.oktaentra.core.validation.internal.store.CloudStore;

/** The store's answers to the table's questions; the claims are the matching's, counted in the store. */
final class StoredFacts implements MatchDecision.CloudFacts {
    private final CloudStore cloud;

    StoredFacts(CloudStore cloud) {
        this.cloud = cloud;
    }

    @Override
    public boolean holdsImmutableId(int user) {
        return cloud.hasImmutableId(user);
    }

    @Override
    public boolean sharesImmutableId(int user) {
        return cloud.duplicateAnchor(user);
    }

    @Override
    public boolean holdsAdminRole(int user) {
        return cloud.admin(user);
    }

    @Override
    public boolean synced(int user) {
        return cloud.synced(user);
    }

    @Override
    public int hardClaims(int user) {
        return cloud.hardClaims(user);
    }

    @Override
    public int softClaims(int user) {
        return cloud.softClaims(user);
    }
}

package dev.oktaentra.core.validation;

import dev.oktaentra.core.tenant.SyncFeatures;
import dev.oktaentra.core.validation.internal.store.CloudStore;

/** The store's answers to the table's questions; the claims are the matching's, counted in the store. */
final class StoredFacts implements MatchDecision.CloudFacts {
    private final CloudStore cloud;
    private final SyncFeatures features;

    StoredFacts(CloudStore cloud, SyncFeatures features) {
        this.cloud = cloud;
        this.features = features;
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

    @Override
    public int blocks(int user, boolean hard) {
        return MatchDecision.blocks(hard, cloud.admin(user), cloud.eligible(user), cloud.objectIdentifierSet(user),
                cloud.cloudManaged(user), features);
    }
}

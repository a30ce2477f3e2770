package dev.oktaentra.graph;

import dev.oktaentra.core.directory.UserField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one {@link GraphDirectory#records()} read could not establish: eligibility a tenant without PIM cannot list,
 * a beta that refused {@code onPremisesObjectIdentifier}, the users whose {@code isCloudManaged} could not be read.
 * The eager reads fill it when the stream is made; the {@code isCloudManaged} counts grow as its pages are consumed.
 */
final class ReadCoverage {

    private String eligibilityUnknown;
    private String objectIdentifierUnknown;
    private long cloudManagedRead;
    private long cloudManagedUnknown;
    private String cloudManagedFirstFailure;

    synchronized void eligibilityUnknown(String why) {
        eligibilityUnknown = why;
    }

    synchronized void objectIdentifierUnknown(String why) {
        objectIdentifierUnknown = why;
    }

    synchronized void cloudManagedRead() {
        cloudManagedRead++;
    }

    synchronized void cloudManagedUnknown(long users, String why) {
        cloudManagedUnknown += users;
        if (cloudManagedFirstFailure == null) {
            cloudManagedFirstFailure = why;
        }
    }

    /** The fields no user got: those the read could not establish for anyone. */
    synchronized Set<UserField> unreadFields() {
        EnumSet<UserField> fields = EnumSet.noneOf(UserField.class);
        if (eligibilityUnknown != null) {
            fields.add(UserField.ELIGIBLE_ADMIN_ROLES);
        }
        if (objectIdentifierUnknown != null) {
            fields.add(UserField.ON_PREMISES_OBJECT_IDENTIFIER);
        }
        if (cloudManagedUnknown > 0 && cloudManagedRead == 0) {
            fields.add(UserField.CLOUD_MANAGED);
        }
        return fields;
    }

    /** One sentence per gap, for a report. */
    synchronized List<String> warnings() {
        List<String> warnings = new ArrayList<>(3);
        if (eligibilityUnknown != null) {
            warnings.add("PIM-eligible directory roles unknown for every user: " + eligibilityUnknown);
        }
        if (objectIdentifierUnknown != null) {
            warnings.add("onPremisesObjectIdentifier unknown for every user without a value read: "
                    + objectIdentifierUnknown);
        }
        if (cloudManagedUnknown > 0) {
            warnings.add("onPremisesSyncBehavior.isCloudManaged unknown for " + cloudManagedUnknown + " of "
                    + (cloudManagedUnknown + cloudManagedRead) + " users with an ImmutableID or a sync state; the"
                    + " first failure: " + cloudManagedFirstFailure);
        }
        return warnings;
    }
}

package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.UserField;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Graph reader's users with two facts of the seeded tenant laid over them: who is eligible (PIM) for a directory
 * role and who is cloud-managed ({@code onPremisesSyncBehavior.isCloudManaged}). The graph-adapter on this branch
 * reads neither yet, nor does its stand-in serve them; until it does, the rehearsal supplies what it seeded, so that
 * the validation predicts the blocked hard matches Entra ID will make of them. The operator the rehearsal plays clears
 * a fact when it follows remediate-anchors' instruction for the matching window ({@link #clear}).
 */
final class SeededRoleFacts implements CloudDirectory {

    private final CloudDirectory graph;
    private final Set<String> eligible = ConcurrentHashMap.newKeySet();
    private final Set<String> cloudManaged = ConcurrentHashMap.newKeySet();

    SeededRoleFacts(CloudDirectory graph, SeededTenant.Planted2026 planted) {
        this.graph = graph;
        eligible.add(planted.eligibleAdmin().cloudId());
        cloudManaged.add(planted.cloudManaged().cloudId());
    }

    @Override
    public Stream<DirectoryRecord<CloudUser>> records() {
        Stream<DirectoryRecord<CloudUser>> records = graph.records();
        return records.map(this::withFacts).onClose(records::close);
    }

    private DirectoryRecord<CloudUser> withFacts(DirectoryRecord<CloudUser> record) {
        if (record instanceof DirectoryRecord.Usable<CloudUser> usable) {
            CloudUser user = usable.user();
            boolean isEligible = eligible.contains(user.id());
            boolean isCloudManaged = cloudManaged.contains(user.id());
            if (isEligible || isCloudManaged || user.cloudManaged() == null) {
                return new DirectoryRecord.Usable<>(user.toBuilder().eligibleForAdminRole(isEligible
                        || user.eligibleForAdminRole()).cloudManaged(isCloudManaged || Boolean.TRUE.equals(
                                user.cloudManaged())).build(), usable.line());
            }
        }
        return record;
    }

    /**
     * Clears both facts of a user, as an administrator does for the matching window.
     *
     * @param cloudId the user's object id
     * @return what was cleared, for the narration, or an empty text when nothing was
     */
    String clear(String cloudId) {
        boolean wasEligible = eligible.remove(cloudId);
        boolean wasCloudManaged = cloudManaged.remove(cloudId);
        return wasEligible ? "the role eligibility removed" : wasCloudManaged ? "isCloudManaged set to false" : "";
    }

    @Override
    public Set<UserField> unreadFields() {
        Set<UserField> unread = EnumSet.noneOf(UserField.class);
        unread.addAll(graph.unreadFields());
        unread.remove(UserField.ELIGIBLE_ADMIN_ROLES);
        unread.remove(UserField.CLOUD_MANAGED);
        return unread;
    }

    @Override
    public String name() {
        return graph.name();
    }

    @Override
    public void close() {
        // The environment owns the Graph reader.
    }
}

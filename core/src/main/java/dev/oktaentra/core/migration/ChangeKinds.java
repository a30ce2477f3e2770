package dev.oktaentra.core.migration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The change kinds a migration knows, by name: the built-ins and those registered explicitly
 * ({@link Migration.Builder#changeKind(ChangeKind)}). Immutable; {@link #with(ChangeKind)} returns a new registry.
 */
public final class ChangeKinds {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final ChangeKinds BUILT_INS = new ChangeKinds(new LinkedHashMap<>())
            .with(OnPremAttribute.KIND)
            .with(OnPremGuidAttribute.KIND)
            .with(CloudAttribute.KIND)
            .with(ProvisioningSwitch.KIND)
            .with(MatchGuards.KIND)
            .with(CloudSyncJobRun.KIND)
            .with(UpnSwap.AWAY)
            .with(UpnSwap.RETURN)

            .with(DirectoryRoleChange.KIND)
            .with(ObjectIdentifierAllowance.KIND)
            .with(OnDemandProvisioningKind.KIND);

    private final Map<String, ChangeKind> byName;

    private ChangeKinds(Map<String, ChangeKind> byName) {
        this.byName = byName;
    }

    /**
     * The kinds core's steps plan: {@link OnPremAttribute}, {@link OnPremGuidAttribute}, {@link CloudAttribute},
     * {@link ProvisioningSwitch}, {@link MatchGuards}, {@link CloudSyncJobRun}, {@link UpnSwap}'s two,
     * {@link DirectoryRoleChange}, {@link ObjectIdentifierAllowance} and {@link OnDemandProvisioningKind}.
     *
     * @return the built-in kinds
     */
    public static ChangeKinds builtIns() {
        return BUILT_INS;
    }

    /**
     * These kinds and one more.
     *
     * @param kind a kind of your own
     * @return a new registry
     * @throws IllegalArgumentException when the name is not a name, or another kind has it already
     */
    public ChangeKinds with(ChangeKind kind) {
        Objects.requireNonNull(kind, "kind");
        String name = kind.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A change kind's name is a letter, then letters, digits, '.', '_' or "
                    + "'-'; " + kind.getClass().getName() + " names itself " + (name == null ? "null" : "'" + name
                    + "'"));
        }
        if (kind.system() == null) {
            throw new IllegalArgumentException("The change kind " + name + " names no system it writes to");
        }
        if (kind.groupSize() < 1) {
            throw new IllegalArgumentException("The change kind " + name + " has a group size of "
                    + kind.groupSize() + "; it must be at least 1");
        }
        ChangeKind known = byName.get(name);
        if (known != null) {
            throw new IllegalArgumentException("Two change kinds are named " + name + ": " + known.getClass()
                    .getName() + " and " + kind.getClass().getName() + "; the journal tells kinds apart by name");
        }
        Map<String, ChangeKind> copy = new LinkedHashMap<>(byName);
        copy.put(name, kind);
        return new ChangeKinds(copy);
    }

    /**
     * A kind by the name the journal records.
     *
     * @param name the name
     * @return the kind, or empty when it is not known here
     */
    public Optional<ChangeKind> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Whether a kind is the one known here under its name.
     *
     * @param kind a kind
     * @return true when registered (or built in)
     */
    public boolean knows(ChangeKind kind) {
        return kind != null && kind.equals(byName.get(kind.name()));
    }

    /**
     * Every kind, built-ins first, then in the order registered.
     *
     * @return the kinds
     */
    public List<ChangeKind> all() {
        return List.copyOf(byName.values());
    }

    @Override
    public String toString() {
        return "ChangeKinds" + byName.keySet();
    }
}

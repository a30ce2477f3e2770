package dev.oktaentra.core.migration;

import dev.oktaentra.core.directory.ConflictException;
import dev.oktaentra.core.tenant.TenantSync;

/**
 * The tenant's temporary allowance for {@code onPremisesObjectIdentifier} updates
 * ({@code allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled}), opened with the matching guards for the matching
 * window and closed again with them, compare-and-set through the context's {@link TenantSync}. The target is
 * {@value MatchGuards#TARGET}; values {@code true} or {@code false}. Undone by setting the value the plan saw.
 *
 * <p>Why: since July 2026 Entra ID blocks a sync engine "from updating OnPremisesObjectIdentifier once it has been
 * mapped to a synced user object" (message center MC1263280); "If you can't remediate affected objects before
 * enforcement, enable the tenant-level feature flag allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled. This flag
 * is disabled by default." (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant,
 * "Temporarily allow onPremisesObjectIdentifier updates"). The page calls it temporary, so the matching window
 * closes it again.
 */
public final class ObjectIdentifierAllowance extends OneByOneKind<TenantSync> {

    /** The kind. */
    public static final ObjectIdentifierAllowance KIND = new ObjectIdentifierAllowance();

    /** The attribute every change of this kind names: the feature's Graph name. */
    public static final String ATTRIBUTE = "allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled";

    private ObjectIdentifierAllowance() {
        super("objectIdentifierAllowance", TargetSystem.TENANT, NamedKind::tenant);
    }

    /**
     * A change of the allowance.
     *
     * @param before the value the plan saw
     * @param after the value wanted
     * @param reason why, for people
     * @return the change
     */
    public static Change change(boolean before, boolean after, String reason) {
        return Change.of(KIND, MatchGuards.TARGET, ATTRIBUTE, Boolean.toString(before), Boolean.toString(after),
                reason);
    }

    @Override
    ChangeResult apply(TenantSync tenant, Change change) {
        boolean before = Boolean.parseBoolean(change.before());
        boolean after = Boolean.parseBoolean(change.after());
        boolean now = tenant.state().features().allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled();
        if (now == after) {
            return ChangeResult.alreadyApplied(change, Boolean.toString(now));
        }
        try {
            boolean read = tenant.setObjectIdentifierAllowance(before, after);
            return read == after ? ChangeResult.applied(change, Boolean.toString(before))
                    : ChangeResult.failed(change, Boolean.toString(read), "The allowance read back as " + read);
        } catch (ConflictException e) {
            return ChangeResult.conflict(change, Boolean.toString(now), e.getMessage());
        } catch (UnsupportedOperationException e) {
            return ChangeResult.refused(change, e.getMessage());
        }
    }

    @Override
    ReadBack read(TenantSync tenant, Change change) {
        return ReadBack.of(Boolean.toString(tenant.state().features()
                .allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled()));
    }
}

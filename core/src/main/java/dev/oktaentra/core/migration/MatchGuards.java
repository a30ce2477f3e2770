package dev.oktaentra.core.migration;

import dev.oktaentra.core.directory.ConflictException;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.core.tenant.TenantSync;

/**
 * The tenant's matching guards ({@link MatchBlocks}) set through the context's {@link TenantSync},
 * compare-and-set against the guards the plan saw, one change at a time. The target is {@value #TARGET}; values are
 * the text form of {@link #text(MatchBlocks)}. Undone by setting the guards the plan saw again.
 */
public final class MatchGuards extends OneByOneKind<TenantSync> {

    /** The kind. */
    public static final MatchGuards KIND = new MatchGuards();

    /** The attribute every change of this kind names. */
    public static final String ATTRIBUTE = "matchBlocks";

    /** The target of every change of this kind: the guards are tenant-wide. */
    public static final String TARGET = "tenant";

    private static final String SOFT = "blockSoftMatchEnabled";
    private static final String HARD = "blockCloudObjectTakeoverThroughHardMatchEnabled";

    private MatchGuards() {
        super(ATTRIBUTE, TargetSystem.TENANT, NamedKind::tenant);
    }

    /**
     * A change of the tenant's guards.
     *
     * @param before the guards the plan saw
     * @param after the guards wanted
     * @param reason why, for people
     * @return the change
     */
    public static Change change(MatchBlocks before, MatchBlocks after, String reason) {
        return Change.of(KIND, TARGET, ATTRIBUTE, text(before), text(after), reason);
    }

    /**
     * The text form of the guards in a change.
     *
     * @param blocks the guards
     * @return e.g. {@code blockSoftMatchEnabled=true,blockCloudObjectTakeoverThroughHardMatchEnabled=true}
     */
    public static String text(MatchBlocks blocks) {
        return SOFT + "=" + blocks.blockSoftMatchEnabled() + "," + HARD + "="
                + blocks.blockCloudObjectTakeoverThroughHardMatchEnabled();
    }

    /**
     * The guards a change's text names.
     *
     * @param text the form {@link #text(MatchBlocks)} writes
     * @return the guards
     * @throws IllegalArgumentException naming the text when it is not that form
     */
    public static MatchBlocks parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Not a matchBlocks value: null");
        }
        boolean soft = false;
        boolean hard = false;
        for (String part : text.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("Not a matchBlocks value: " + text);
            }
            boolean on = Boolean.parseBoolean(pair[1].strip());
            switch (pair[0].strip()) {
                case SOFT -> soft = on;
                case HARD -> hard = on;
                default -> throw new IllegalArgumentException("Not a matchBlocks value: " + text);
            }
        }
        return new MatchBlocks(soft, hard);
    }

    /** The port's write reads the guards back itself; an answer lost past that is settled by a read. */
    @Override
    ChangeResult apply(TenantSync tenant, Change change) {
        if (!ATTRIBUTE.equals(change.attribute())) {
            return ChangeResult.refused(change, "Unknown tenant setting " + change.attribute());
        }
        MatchBlocks before = parse(change.before());
        MatchBlocks after = parse(change.after());
        MatchBlocks now = tenant.state().matchBlocks();
        if (now.equals(after)) {
            return ChangeResult.alreadyApplied(change, text(now));
        }
        try {
            MatchBlocks read = tenant.setMatchBlocks(before, after);
            return read.equals(after) ? ChangeResult.applied(change, text(before))
                    : ChangeResult.failed(change, text(read), "The guards read back as " + text(read));
        } catch (ConflictException e) {
            return ChangeResult.conflict(change, text(now), e.getMessage());
        }
    }

    /** The guards now. */
    @Override
    ReadBack read(TenantSync tenant, Change change) {
        return ReadBack.of(text(tenant.state().matchBlocks()));
    }
}

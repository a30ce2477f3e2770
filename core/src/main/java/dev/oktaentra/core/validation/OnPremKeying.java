package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.InvalidAnchorException;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.directory.UserField;
import dev.oktaentra.core.match.DefaultScopeRule;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.match.TargetEngine;
import dev.oktaentra.core.validation.internal.store.CloudStore;
import dev.oktaentra.core.validation.internal.store.OnPremBatch;
import dev.oktaentra.core.validation.internal.store.OnPremBatch.Extra;
import dev.oktaentra.core.validation.internal.store.ProxyText;
import dev.oktaentra.core.validation.internal.store.ReadAhead;
import dev.oktaentra.core.validation.internal.store.Spill;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The on-prem side's reading thread: reads each object, writes its display data to the spill, and keys it for the
 * matching in {@link OnPremBatch}es, while the main thread is still loading the cloud side. Everything here depends
 * on the on-prem object alone; the look-ups on the cloud side happen on the main thread. An object that Entra Connect's
 * default rules leave out of the sync ({@link DefaultScopeRule}, for a Connect target only) is not keyed.
 */
final class OnPremKeying {

    /** Batches that may wait: about a million objects, a hundred megabytes at most for common keys. */
    static final int QUEUED = 1024;

    private final SourceAnchor anchor;
    private final boolean connect;
    private final List<MatchRule> rules;
    private final List<AttributeMapping> mappings;
    private final Set<UserField> unread;
    private final Spill spill;

    private OnPremKeying(Validation config, Set<UserField> unread, Spill spill) {
        this.anchor = config.anchor();
        this.connect = config.targetEngine().engine() == TargetEngine.Engine.CONNECT_SYNC;
        this.rules = config.rules();
        this.mappings = config.attributeMappings();
        // Asked for each of Connect's scope rules of each user: a bit test rather than a hash probe.
        this.unread = unread.isEmpty() ? Set.of() : EnumSet.copyOf(unread);
        this.spill = spill;
    }

    /**
     * Starts reading {@code records} on a thread of its own.
     *
     * @param unread the fields the on-prem source does not provide
     * @param spill receives each object's display data (or its reason for being unreadable), in order
     * @return the batches, in order; closing stops the reading and closes the stream
     */
    static ReadAhead<OnPremBatch> start(Stream<DirectoryRecord<OnPremUser>> records, Validation config,
            Set<UserField> unread, Spill spill) {
        OnPremKeying keying = new OnPremKeying(config, unread, spill);
        return new ReadAhead<>("on-prem", QUEUED, out -> keying.read(records, out));
    }

    private void read(Stream<DirectoryRecord<OnPremUser>> records, ReadAhead.Output<OnPremBatch> out)
            throws InterruptedException {
        try (records) {
            Iterator<DirectoryRecord<OnPremUser>> it = records.iterator();
            OnPremBatch batch = new OnPremBatch(rules.size());
            while (it.hasNext()) {
                DirectoryRecord<OnPremUser> record = it.next();
                if (record instanceof DirectoryRecord.Usable<OnPremUser> usable) {
                    key(batch, usable.user(), usable.line());
                } else {
                    DirectoryRecord.Rejected<OnPremUser> rejected = (DirectoryRecord.Rejected<OnPremUser>) record;
                    unreadable(batch, rejected.source(), rejected.location(), rejected.identity(), rejected.reason());
                }
                if (batch.full()) {
                    if (!out.put(batch)) {
                        return;
                    }
                    batch = new OnPremBatch(rules.size());
                }
            }
            if (batch.size() > 0) {
                out.put(batch);
            }
        }
    }

    /** A readable object without a usable anchor: located by its line in a text export, else by its DN. */
    private void noAnchor(OnPremBatch batch, OnPremUser user, long line, String reason) {
        String identity = user.userPrincipalName() != null ? user.userPrincipalName() : user.distinguishedName();
        unreadable(batch, user.origin(), line > 0 ? "line " + line : user.distinguishedName(), identity, reason);
    }

    private void unreadable(OnPremBatch batch, String source, String location, String identity, String reason) {
        spill.writeInvalid("ON_PREM", source, location, identity, reason);
        batch.addUnreadable();
    }

    /** Keys a readable object; {@code line} is where a text export holds it, or 0. */
    private void key(OnPremBatch batch, OnPremUser user, long line) {
        Optional<DefaultScopeRule> excluded = connect ? DefaultScopeRule.excluding(user, unread) : Optional.empty();
        if (excluded.isPresent()) {
            spill.writeUser(user.userPrincipalName(), user.distinguishedName(), user.objectGuid(), null,
                    user.origin());
            batch.addOutOfScope(excluded.get().ordinal());
            return;
        }
        ImmutableId expected;
        try {
            Optional<ImmutableId> value = anchor.expected(user);
            if (value.isEmpty()) {
                noAnchor(batch, user, line, anchor.attribute() + " is empty, so the object has no anchor");
                return;
            }
            expected = value.get();
        } catch (InvalidAnchorException e) {
            noAnchor(batch, user, line, anchor.attribute() + " " + e.input() + " " + e.reason());
            return;
        }
        int lacks = 0;
        for (int m = 0; m < mappings.size(); m++) {
            if (mappings.get(m).onPremValue(user) == null && !unreadOnPrem(mappings.get(m))) {
                lacks |= 1 << m;
            }
        }
        ObjectGuid anchorGuid = anchor.guid(user).orElse(null);
        byte flags = 0;
        if (user.proxyAddresses().isEmpty() && user.mail() != null && !user.mail().isBlank()) {
            flags |= OnPremBatch.MAIL_FALLBACK;
        }
        if (anchor.kind() == SourceAnchor.Kind.CONSISTENCY_GUID && user.consistencyGuid() != null
                && !user.consistencyGuid().equals(user.objectGuid())) {
            flags |= OnPremBatch.CONSISTENCY_GUID_DIFFERS;
        }
        // The GUID behind a GUID-valued anchor spares decoding its Base64 again.
        int object = batch.add(expected, anchorGuid, lacks, flags);
        for (int r = 0; r < rules.size(); r++) {
            try {
                // A hard rule is keyed by the anchor the target engine exports, whatever anchor the rule was built
                // on: Entra ID compares the sourceAnchor it receives ("the Base64 string representation of the
                // mS-Ds-ConsistencyGUID attribute (or ObjectGUID depending on the configuration)",
                // how-to-connect-install-existing-tenant), not the one the operator's rule computes.
                batch.key(object, r, rules.get(r).isHardMatch() ? expected.value() : rules.get(r).key(user));
            } catch (RuntimeException e) {
                batch.failed(object, r, "match rule " + rules.get(r).name() + " failed on this object: "
                        + e.getMessage());
            }
        }
        batch.extra(object, Extra.UPN_KEY, ProxyText.key(user.userPrincipalName()));
        batch.extra(object, Extra.MAIL, blankToNull(user.mail()));
        batch.extra(object, Extra.PROXIES, user.proxyAddresses().isEmpty() ? null
                : String.join(String.valueOf(CloudStore.SEPARATOR), user.proxyAddresses()));
        batch.extra(object, Extra.DISPLAY_NAME, blankToNull(user.displayName()));
        // The expected ImmutableID is spilled only when it is not the objectGUID's, which the spill holds anyway.
        boolean derivable = user.objectGuid().equals(anchorGuid);
        spill.writeUser(user.userPrincipalName(), user.distinguishedName(), user.objectGuid(),
                derivable ? null : expected.value(), user.origin());
    }

    /** Whether the source does not provide a mapping's on-prem attribute, so that its absence predicts nothing. */
    private boolean unreadOnPrem(AttributeMapping mapping) {
        return mapping.onPremAttribute().equalsIgnoreCase("mail") && unread.contains(UserField.MAIL)
                || mapping.onPremAttribute().equalsIgnoreCase("displayName") && unread.contains(UserField.DISPLAY_NAME);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

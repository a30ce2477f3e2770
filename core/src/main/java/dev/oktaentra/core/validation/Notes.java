package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.match.BlockReason;
import dev.oktaentra.core.match.DefaultScopeRule;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.validation.internal.store.CloudStore;
import dev.oktaentra.core.validation.internal.store.Pairings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sentence each {@link Verdict.Advice} names: what happens and what to do, naming the cloud user, the rule and
 * the values involved. The ways out quote Microsoft's recovery paths (sources in {@link BlockReason} and
 * {@link MatchDecision}).
 */
final class Notes {

    /** What one note is about. */
    record Subject(int entry, Verdict verdict, String expected, ObjectGuid objectGuid, int candidate,
            Map<String, String> deletions, List<TakeoverChange> changes, List<UniquenessConflict> conflicts,
            int blocks) {
    }

    private final ValidationReport report;
    private final CloudStore cloud;
    private final Pairings pairings;
    private final List<MatchRule> rules;

    Notes(ValidationReport report) {
        this.report = report;
        this.cloud = report.cloud();
        this.pairings = report.pairings();
        this.rules = report.config().rules();
    }

    /** The note, or {@code null} when there is nothing to say. */
    String of(Subject s) {
        String text = advice(s) + takeover(s) + uniqueness(s);
        return text.isBlank() ? null : text.strip();
    }

    private String advice(Subject s) {
        int c = s.candidate();
        switch (s.verdict().advice()) {
            case NOTHING_TO_DO:
                return "";
            case READ_FAILURE:
            case PAIRING_NOTE:
                String note = pairings.note(s.entry());
                return note == null ? "" : note;
            case DEFAULT_SCOPE:
                DefaultScopeRule rule = DefaultScopeRule.values()[pairings.rule(s.entry())];
                return "Entra Connect's default sync rules leave this object out (" + rule.expression()
                        + "): it is neither matched nor added.";
            case HARD_MATCH_BLOCKED:
                return "The hard match finds cloud user " + cloud.upn(c) + ", but Entra ID blocks it: "
                        + reasons(s.blocks(), true) + ". Until then the export of this object fails (InvalidHardMatch) "
                        + "or adds a second object.";
            case SOFT_MATCH_BLOCKED:
                return "The soft match on " + ruleName(s) + " finds cloud user " + cloud.upn(c) + ", but Entra ID does "
                        + "not take it over: " + reasons(s.blocks(), false) + ". Until then the sync creates a second "
                        + "user beside it (hard-delete the quarantined one after clearing the block).";
            case SOFT_MATCH_TAKES_OVER:
                return "The sync will soft-match this user on " + ruleName(s) + " and stamp the anchor; the "
                        + "matching window must be open (BlockSoftMatch off).";
            case STAMP_IMMUTABLE_ID:
                return "Only the custom rule " + rules.get(pairings.rule(s.entry())).name() + " pairs this object with "
                        + "cloud user " + cloud.upn(c) + "; Entra ID never matches on it, so the sync would create the "
                        + "user a second time. Stamp the ImmutableID first: remediate-anchors sets the cloud user's "
                        + "onPremisesImmutableId to " + s.expected() + ".";
            case MAIL_SOFT_MATCH_UNCONFIRMED:
                return "The object has no proxyAddresses, and only its mail finds cloud user " + cloud.upn(c)
                        + " (by its primary SMTP address). No Microsoft page documents a soft match on mail, so the "
                        + "sync may create the user a second time: stamp the ImmutableID first (set the cloud user's "
                        + "onPremisesImmutableId to " + s.expected() + "), or give the object its proxyAddresses.";
            case FIX_ANCHOR:
                return fixAnchor(s);
            case ANCHOR_ON_SEVERAL_OBJECTS:
                return "Several on-prem objects yield this ImmutableID; the sync cannot tell them apart.";
            case SEVERAL_OBJECTS_SOFT_MATCH:
                return cloud.softClaims(c) + " on-prem objects soft-match cloud user " + cloud.upn(c)
                        + "; decide which one owns it and fix the others' UPN or proxy addresses.";
            case COUNTERPART_TAKEN:
                return "Soft-matches cloud user " + cloud.upn(c) + ", which already belongs to the on-prem object "
                        + "with ImmutableID " + cloud.immutableId(c) + "; the sync would create a new user with a "
                        + "conflicting UPN or address.";
            case NEW_USER:
                return "No cloud counterpart: the sync would create a new cloud user.";
            case ANCHOR_ON_SEVERAL_CLOUD_USERS:
                return cloud.anchorHolders(c) + " cloud users hold this ImmutableID; give each its own before the "
                        + "cutover";
            case ORPHAN_LEFT_SYNCED:
                return "No on-prem object has this anchor. A new sync server never joined this user, so it is left "
                        + "behind as it is, not deleted; still marked synced, it can no longer be edited in the cloud "
                        + "and is never updated again. Bring its on-prem object into scope, fix its ImmutableID, or "
                        + "remove it by hand (ADSyncTools Remove-ADSyncToolsAadObject)";
            case ORPHAN_STAYS:
                return "No on-prem object has this anchor: the user stays a cloud user after the cutover. Check it is "
                        + "not an on-prem user out of scope or with a changed anchor";
            case LEFT_ALONE:
                return "Cloud-only user without an ImmutableID and without an on-prem match; the sync leaves it alone";
            default:
                throw new IllegalStateException("No note for " + s.verdict().advice());
        }
    }

    private String ruleName(Subject s) {
        int rule = pairings.rule(s.entry());
        MatchRule r = rule < 0 ? null : rules.get(rule);
        return r == MatchRule.softMatchUserPrincipalName() ? "its userPrincipalName"
                : r == MatchRule.softMatchPrimarySmtp() ? "its primary SMTP address" : r == null ? "a rule" : r.name();
    }

    private String fixAnchor(Subject s) {
        int c = s.candidate();
        MismatchCause cause = pairings.cause(s.entry());
        String after = s.blocks() == 0 ? "" : " Once fixed, the hard match is still blocked: "
                + reasons(s.blocks(), true) + ".";
        String duplicate = " Entra ID never soft-matches a user that holds an ImmutableID: it would provision a new "
                + "object, which fails with AttributeValueMustBeUnique or is quarantined beside the cloud user.";
        if (cause == MismatchCause.CONSISTENCY_GUID_DIFFERS) {
            ObjectGuid consistency = ImmutableId.of(s.expected()).toObjectGuid().orElse(null);
            boolean oktaDefault = s.objectGuid().toImmutableId().value().equals(cloud.immutableId(c));
            return "This object's mS-DS-ConsistencyGuid is set to " + consistency + ", not its objectGUID "
                    + s.objectGuid() + ", so " + report.config().targetEngine().engine().title() + " presents "
                    + "ImmutableID " + s.expected() + ", while cloud user " + cloud.upn(c) + " holds "
                    + cloud.immutableId(c) + (oktaDefault ? " (the objectGUID's, as Okta stamped it)" : "") + ". If "
                    + "nothing else uses mS-DS-ConsistencyGuid (a leftover of ADMT, an earlier Connect server or a "
                    + "restore), clear it on-prem (Connect writes the objectGUID back into it) or rewrite it to the "
                    + "objectGUID's bytes; if it is the anchor of record, set the cloud user's onPremisesImmutableId to "
                    + s.expected() + " instead (remediate-anchors plans that)." + duplicate + after;
        }
        return "Set the cloud user's onPremisesImmutableId to " + s.expected() + " (or the on-prem anchor to match) "
                + "before leaving staging; the cause is " + cause + "." + duplicate + after;
    }

    /** Each reason with Microsoft's recovery path for it. */
    private static String reasons(int mask, boolean hard) {
        List<String> out = new ArrayList<>();
        String match = hard ? "the hard match" : "the match";
        for (BlockReason reason : BlockReason.values()) {
            if ((mask & MatchDecision.bit(reason)) == 0) {
                continue;
            }
            out.add(switch (reason) {
                case ADMIN_ROLE -> "it holds a directory role (remove the role for the matching window, complete "
                        + match + ", then reassign it)";
                case ELIGIBLE_ADMIN_ROLE -> "it is eligible (PIM) for a directory role (remove the eligibility for the "
                        + "matching window, complete " + match + ", then restore it)";
                case ON_PREM_OBJECT_IDENTIFIER -> "its onPremisesObjectIdentifier is already set (check it names this "
                        + "object, then clear it: PATCH https://graph.microsoft.com/beta/users/{id} with "
                        + "{\"onPremisesObjectIdentifier\": null}, which needs User-OnPremisesSyncBehavior.ReadWrite.All, "
                        + "and sync again; or turn on the tenant's temporary "
                        + "allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled)";
                case CLOUD_MANAGED -> "its source of authority is the cloud (set onPremisesSyncBehavior.isCloudManaged "
                        + "to false before the cutover)";
                case TENANT_BLOCKS_HARD_MATCH -> "the tenant blocks cloud object takeover through hard match (open "
                        + "the matching window, open-matching-window, for the cutover)";
                case TENANT_BLOCKS_SOFT_MATCH -> "the tenant blocks soft matching, BlockSoftMatch (open the matching "
                        + "window, open-matching-window, for the cutover, or stamp the ImmutableID first: "
                        + "remediate-anchors)";
                case SOFT_MATCH_ON_UPN_OFF -> "only the userPrincipalName finds it and the tenant's SoftMatchOnUpn is "
                        + "off (stamp the ImmutableID first, remediate-anchors; turning SoftMatchOnUpn on cannot be "
                        + "undone)";
            });
        }
        return String.join("; ", out);
    }

    private static String takeover(Subject s) {
        String text = "";
        if (!s.deletions().isEmpty()) {
            text += " The sync would delete the cloud " + String.join(", ", s.deletions().keySet())
                    + " because on-prem has none: back-fill it on-prem first.";
        }
        if (!s.changes().isEmpty()) {
            text += " The takeover changes what the user sees: " + s.changes().stream().map(TakeoverChange::describe)
                    .collect(Collectors.joining("; ")) + ".";
        }
        return text;
    }

    private static String uniqueness(Subject s) {
        if (s.conflicts().isEmpty()) {
            return "";
        }
        return " Entra ID's uniqueness check: " + s.conflicts().stream().map(UniquenessConflict::describe)
                .collect(Collectors.joining("; ")) + "; the export fails with AttributeValueMustBeUnique or the value "
                + "is quarantined.";
    }
}

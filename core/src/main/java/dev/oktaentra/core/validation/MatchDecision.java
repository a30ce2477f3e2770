package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.Anchors;
import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.match.BlockReason;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.tenant.SyncFeatures;
import dev.oktaentra.core.validation.Pairing.Kind;
import dev.oktaentra.core.validation.Verdict.Advice;
import dev.oktaentra.core.validation.Verdict.Blocked;
import dev.oktaentra.core.validation.Verdict.Export;

/**
 * Entra ID's matching as the validation applies it: a table from what the rules found to a {@link Verdict}. Nothing
 * here reads a directory or a store; the engine looks the keys up, counts the claims and asks.
 *
 * <p>The rules, from Microsoft's "Install Microsoft Entra Connect using an existing tenant"
 * (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant, ms.date
 * 07/01/2026): a new object is matched on its sourceAnchor against the cloud ImmutableID first (hard match), then
 * soft-matched; "If Microsoft Entra ID isn't able to find a hard match or soft match for the incoming object, it
 * provisions a new object". The soft match tries the primary SMTP address first ("For the proxyAddresses attribute,
 * only the value with SMTP:, that is the primary email address, is used") and the userPrincipalName only when the
 * tenant's SoftMatchOnUpn feature is on ("If a match isn't found based on primary SMTP, then a match is attempted
 * based on UserPrincipalName", Set-EntraDirSyncFeature); BlockSoftMatch "blocks the Soft Match feature"
 * (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-syncservice-features). "For the soft match
 * to work, the object to be soft-matched with shouldn't have any value for the immutableId attribute"
 * (tshoot-connect-sync-errors, "InvalidSoftMatch"); with a different sourceAnchor "Microsoft Entra ID attempts to
 * provision a new object" and the export fails with AttributeValueMustBeUnique (existing-tenant page, "Hard match vs
 * soft match"). Where a match is found, Entra ID may still refuse the takeover ({@link BlockReason}). A soft match
 * on {@code mail} for an object without proxy addresses is not documented by any Microsoft page read: it is predicted
 * as needing a person, never as a safe update. A rule of the operator's own (e.g. on employeeID) is not Entra's: a
 * pair only it finds is {@link MatchOutcome#CUSTOM_MATCH_ONLY}.
 *
 * <p>An object's outcome depends on the others (two objects, one counterpart), so the table is read in three steps:
 * <ol>
 *   <li><b>Pairing</b>, per object, in the configured rule order ({@link #afterRule}, {@link #settle}); a rule the
 *       tenant switches off finds nothing ({@link #pairs}). The first rule that finds a cloud user decides. A hard
 *       rule pairs with what it found ({@link Kind#HARD}, or {@link Kind#HARD_SEVERAL}) and claims each of them. A
 *       soft rule that finds several is {@link Kind#SOFT_SEVERAL}; one that finds one ({@link Kind#SOFT},
 *       {@link Kind#SOFT_MAIL} for the mail fallback, {@link Kind#SOFT_SWITCHED_OFF} for one of Entra's soft rules the
 *       tenant switches off, {@link Kind#SOFT_CUSTOM} for a custom rule) must be confirmed by every later soft rule that
 *       finds anything (exactly that user), else {@link Kind#RULES_DISAGREE}; a later rule that confirms it by a
 *       stronger way ({@link Kind#softRank}) makes it that kind. Entra's hard match comes first whatever the order
 *       ({@link #hardMatchFirst}): a cloud user holding the object's anchor overrides any earlier soft candidate, also
 *       when the rules list no hard rule or decided before reaching it. A rule
 *       that failed on the object counts once the matching reaches it ({@link #ruleFailed}). A single soft candidate
 *       that already holds the object's anchor is the hard match ({@link Kind#SOFT_SAME_ANCHOR}, a hard claim); any
 *       other lays a soft claim. An object the default rules leave out ({@link Kind#OUT_OF_SCOPE}) is not paired.</li>
 *   <li><b>The on-prem verdict</b> ({@link #onPrem}), once every claim is counted, first row that applies:
 *     <table>
 *       <caption>On-prem verdicts</caption>
 *       <tr><th>pairing</th><th>and</th><th>outcome</th><th>export</th></tr>
 *       <tr><td>INVALID</td><td></td><td>INVALID</td><td></td></tr>
 *       <tr><td>OUT_OF_SCOPE</td><td></td><td>OUT_OF_SCOPE</td><td></td></tr>
 *       <tr><td>any</td><td>another on-prem object yields the anchor</td><td>DUPLICATE_ANCHOR</td><td></td></tr>
 *       <tr><td>HARD_SEVERAL</td><td></td><td>DUPLICATE_ANCHOR</td><td></td></tr>
 *       <tr><td>HARD, SOFT_SAME_ANCHOR</td><td>the hard match is blocked</td><td>HARD_MATCH_BLOCKED</td>
 *           <td>conflicting add</td></tr>
 *       <tr><td>HARD, SOFT_SAME_ANCHOR</td><td></td><td>MATCHED</td><td>update</td></tr>
 *       <tr><td>SOFT_SEVERAL, RULES_DISAGREE</td><td></td><td>AMBIGUOUS</td><td></td></tr>
 *       <tr><td>single soft</td><td>the candidate has a hard claim</td><td>ONPREM_ONLY</td>
 *           <td>add (conflicting when it collides)</td></tr>
 *       <tr><td>single soft</td><td>the candidate has several soft claims</td><td>AMBIGUOUS</td><td></td></tr>
 *       <tr><td>single soft</td><td>the candidate holds another ImmutableID</td><td>ANCHOR_MISMATCH</td>
 *           <td>conflicting add</td></tr>
 *       <tr><td>SOFT_CUSTOM</td><td></td><td>CUSTOM_MATCH_ONLY</td><td>conflicting add</td></tr>
 *       <tr><td>SOFT_MAIL</td><td></td><td>AMBIGUOUS</td><td>conflicting add</td></tr>
 *       <tr><td>SOFT_SWITCHED_OFF</td><td></td><td>SOFT_MATCH_ONLY, blocked by the tenant's feature</td>
 *           <td>conflicting add</td></tr>
 *       <tr><td>SOFT</td><td>the soft match is blocked</td><td>SOFT_MATCH_ONLY</td><td>conflicting add</td></tr>
 *       <tr><td>SOFT</td><td></td><td>SOFT_MATCH_ONLY</td><td>update</td></tr>
 *       <tr><td>NONE</td><td></td><td>ONPREM_ONLY</td><td>add (conflicting when it collides)</td></tr>
 *     </table>
 *     An add collides when a cloud user already holds its UPN or one of its SMTP addresses, or another on-prem
 *     object the sync exports carries one ({@link OnPremDuplicates}): Entra ID's uniqueness check
 *     (AttributeValueMustBeUnique, or a quarantined value with duplicate attribute resiliency).
 *   </li>
 *   <li><b>The cloud verdict</b> ({@link #cloud}) for each cloud user: DUPLICATE_ANCHOR when another holds its
 *       ImmutableID; no row of its own when an on-prem object claims it; else CLOUD_ONLY with an ImmutableID or
 *       OUT_OF_SCOPE without. An orphan is left behind, not deleted: a new sync server never joined it, a disjoined
 *       object's "attribute values ... aren't processed any further"
 *       (https://learn.microsoft.com/entra/identity/hybrid/connect/concept-azure-ad-connect-sync-architecture), and
 *       no Microsoft page says a new server exports a delete for it; one still marked synced can no longer be
 *       edited in the cloud.</li>
 * </ol>
 *
 * <p>A new rule of Entra's is a new input and a new row here, never a change to the store: a rule kind the tenant
 * switches off finds nothing ({@link #pairs}); a pairing of a new kind is one more {@link Kind} (stored as its code); a
 * new fact about the candidate is one more {@link CloudFacts} method; a new outcome or reason is one more
 * {@link Verdict} constant, whose advice and export the report and the prediction already follow.
 */
final class MatchDecision {

    /** How Entra treats a look-up. */
    enum RuleKind {
        /** The hard match on the source anchor. */
        HARD_MATCH,
        /** Entra's soft match on userPrincipalName. */
        SOFT_MATCH_UPN,
        /** Entra's soft match on the primary SMTP address. */
        SOFT_MATCH_SMTP,
        /** The soft match on the primary SMTP address by an object's {@code mail}, because it has no proxy addresses. */
        SOFT_MATCH_MAIL,
        /** A rule of the operator's own: Entra does not apply it. */
        CUSTOM,
        /**
         * One of Entra's soft matches that the tenant's features switch off ({@link MatchDecision#pairs}): it still
         * finds the cloud user Entra would pair, so that the report can say why Entra will not.
         */
        SWITCHED_OFF;

        /**
         * The kind of a rule.
         *
         * @param rule the rule
         * @return its kind; Entra's soft matches are recognised as the built-ins, not by name
         */
        static RuleKind of(MatchRule rule) {
            if (rule.isHardMatch()) {
                return HARD_MATCH;
            }
            if (rule == MatchRule.softMatchUserPrincipalName()) {
                return SOFT_MATCH_UPN;
            }
            return rule == MatchRule.softMatchPrimarySmtp() ? SOFT_MATCH_SMTP : CUSTOM;
        }

        /**
         * The kind of one object's look-up by a rule of this kind.
         *
         * @param mailFallback whether the object has no proxy addresses, so that its SMTP key is its {@code mail}
         * @return {@link #SOFT_MATCH_MAIL} for the SMTP rule on such an object, else this kind
         */
        RuleKind forObject(boolean mailFallback) {
            return this == SOFT_MATCH_SMTP && mailFallback ? SOFT_MATCH_MAIL : this;
        }

        /**
         * This look-up under the tenant's features.
         *
         * @param features the tenant's features the cutover runs with
         * @return {@link #SWITCHED_OFF} when the features switch this soft match off ({@link MatchDecision#pairs}),
         *         else this kind
         */
        RuleKind under(SyncFeatures features) {
            return pairs(this, features) ? this : SWITCHED_OFF;
        }
    }

    /**
     * What the table asks about a cloud user, once the on-prem side is paired. The engine answers from its store; the
     * table asks only what the row needs, so that a verdict reads no more than it must.
     */
    interface CloudFacts {
        /**
         * Answers about the cloud user: whether it has an ImmutableID.
         *
         * @param user the cloud user
         * @return whether it has an ImmutableID
         */
        boolean holdsImmutableId(int user);

        /**
         * Answers about the cloud user: whether another cloud user holds the same ImmutableID.
         *
         * @param user the cloud user
         * @return whether another cloud user holds the same ImmutableID
         */
        boolean sharesImmutableId(int user);

        /**
         * Answers about the cloud user: whether it is marked synced from on-premises.
         *
         * @param user the cloud user
         * @return whether it is marked synced from on-premises
         */
        boolean synced(int user);

        /**
         * Answers about the cloud user: how many on-prem objects claim it by a hard match.
         *
         * @param user the cloud user
         * @return how many on-prem objects claim it by a hard match
         */
        int hardClaims(int user);

        /**
         * Answers about the cloud user: how many on-prem objects claim it by a soft match.
         *
         * @param user the cloud user
         * @return how many on-prem objects claim it by a soft match
         */
        int softClaims(int user);

        /**
         * What blocks a match onto the user, as {@link MatchDecision#blocks} computes it.
         *
         * @param user the cloud user
         * @param hard whether the match is a hard one
         * @return a bit per {@link BlockReason} ordinal, 0 when nothing does
         */
        int blocks(int user, boolean hard);
    }

    static final Verdict INVALID = verdict(MatchOutcome.INVALID, Advice.READ_FAILURE, Export.NONE);
    static final Verdict OUT_OF_SCOPE = verdict(MatchOutcome.OUT_OF_SCOPE, Advice.DEFAULT_SCOPE, Export.NONE);
    static final Verdict DUPLICATE_NOTED = verdict(MatchOutcome.DUPLICATE_ANCHOR, Advice.PAIRING_NOTE, Export.NONE);
    static final Verdict DUPLICATE_ON_PREM = verdict(MatchOutcome.DUPLICATE_ANCHOR, Advice.ANCHOR_ON_SEVERAL_OBJECTS,
            Export.NONE);
    static final Verdict MATCHED = new Verdict(MatchOutcome.MATCHED, Advice.NOTHING_TO_DO, Export.UPDATE,
            Blocked.NONE, true);
    static final Verdict HARD_MATCH_BLOCKED = new Verdict(MatchOutcome.HARD_MATCH_BLOCKED, Advice.HARD_MATCH_BLOCKED,
            Export.CONFLICTING_ADD, Blocked.HARD_MATCH, true);
    static final Verdict AMBIGUOUS_NOTED = verdict(MatchOutcome.AMBIGUOUS, Advice.PAIRING_NOTE, Export.NONE);
    static final Verdict AMBIGUOUS_CLAIMS = verdict(MatchOutcome.AMBIGUOUS, Advice.SEVERAL_OBJECTS_SOFT_MATCH,
            Export.NONE);
    static final Verdict COUNTERPART_TAKEN = verdict(MatchOutcome.ONPREM_ONLY, Advice.COUNTERPART_TAKEN, Export.ADD);
    static final Verdict COUNTERPART_TAKEN_COLLIDES = verdict(MatchOutcome.ONPREM_ONLY, Advice.COUNTERPART_TAKEN,
            Export.CONFLICTING_ADD);
    static final Verdict ANCHOR_MISMATCH = verdict(MatchOutcome.ANCHOR_MISMATCH, Advice.FIX_ANCHOR,
            Export.CONFLICTING_ADD);
    static final Verdict CUSTOM_MATCH_ONLY = new Verdict(MatchOutcome.CUSTOM_MATCH_ONLY, Advice.STAMP_IMMUTABLE_ID,
            Export.CONFLICTING_ADD, Blocked.NONE, true);
    static final Verdict MAIL_MATCH_UNCONFIRMED = new Verdict(MatchOutcome.AMBIGUOUS,
            Advice.MAIL_SOFT_MATCH_UNCONFIRMED, Export.CONFLICTING_ADD, Blocked.NONE, true);
    static final Verdict SOFT_MATCH_ONLY = new Verdict(MatchOutcome.SOFT_MATCH_ONLY, Advice.SOFT_MATCH_TAKES_OVER,
            Export.UPDATE, Blocked.NONE, true);
    static final Verdict SOFT_MATCH_BLOCKED = new Verdict(MatchOutcome.SOFT_MATCH_ONLY, Advice.SOFT_MATCH_BLOCKED,
            Export.CONFLICTING_ADD, Blocked.SOFT_MATCH, true);
    static final Verdict SOFT_MATCH_SWITCHED_OFF = new Verdict(MatchOutcome.SOFT_MATCH_ONLY,
            Advice.SOFT_MATCH_BLOCKED, Export.CONFLICTING_ADD, Blocked.SOFT_MATCH_SWITCHED_OFF, true);
    static final Verdict NEW_USER = verdict(MatchOutcome.ONPREM_ONLY, Advice.NEW_USER, Export.ADD);
    static final Verdict NEW_USER_COLLIDES = verdict(MatchOutcome.ONPREM_ONLY, Advice.NEW_USER,
            Export.CONFLICTING_ADD);
    static final Verdict CLOUD_DUPLICATE = verdict(MatchOutcome.DUPLICATE_ANCHOR,
            Advice.ANCHOR_ON_SEVERAL_CLOUD_USERS, Export.NONE);
    static final Verdict ORPHAN_LEFT_SYNCED = verdict(MatchOutcome.CLOUD_ONLY, Advice.ORPHAN_LEFT_SYNCED,
            Export.NONE);
    static final Verdict ORPHAN_STAYS = verdict(MatchOutcome.CLOUD_ONLY, Advice.ORPHAN_STAYS, Export.NONE);
    static final Verdict LEFT_ALONE = verdict(MatchOutcome.OUT_OF_SCOPE, Advice.LEFT_ALONE, Export.NONE);

    private MatchDecision() {
    }

    private static Verdict verdict(MatchOutcome outcome, Advice advice, Export export) {
        return new Verdict(outcome, advice, export, Blocked.NONE, false);
    }

    /**
     * Whether a look-up of this kind can pair an object under the tenant's features. A look-up that cannot still
     * finds the cloud user Entra would pair were the feature on ({@link RuleKind#SWITCHED_OFF}): a candidate that holds
     * another ImmutableID is an ANCHOR_MISMATCH all the same (Entra never soft-matches it), and one without is a soft
     * match Entra ID will not make, so that the sync adds a second user beside it.
     *
     * @param kind the look-up's kind
     * @param features the tenant's features the cutover runs with
     * @return false for Entra's soft matches when BlockSoftMatch is on, and for the UPN soft match when
     *         SoftMatchOnUpn is off; true otherwise (custom rules are the operator's and always pair)
     */
    static boolean pairs(RuleKind kind, SyncFeatures features) {
        switch (kind) {
            case SOFT_MATCH_UPN:
                return !features.blockSoftMatchEnabled() && features.softMatchOnUpnEnabled();
            case SOFT_MATCH_SMTP:
            case SOFT_MATCH_MAIL:
                return !features.blockSoftMatchEnabled();
            case SWITCHED_OFF:
                return false;
            default:
                return true;
        }
    }

    /**
     * What blocks the takeover of a cloud user, from its facts ({@link BlockReason} says where each rule is from).
     *
     * @param hard whether the match is a hard one; TENANT_BLOCKS_HARD_MATCH applies to hard matches only
     * @param admin whether the user holds an active directory role
     * @param eligible whether it is eligible (PIM) for one
     * @param objectIdentifierSet whether its onPremisesObjectIdentifier is set
     * @param cloudManaged whether its source of authority is the cloud
     * @param features the tenant's features the cutover runs with
     * @return a bit per {@link BlockReason} ordinal
     */
    static int blocks(boolean hard, boolean admin, boolean eligible, boolean objectIdentifierSet,
            boolean cloudManaged, SyncFeatures features) {
        int mask = 0;
        mask |= admin ? bit(BlockReason.ADMIN_ROLE) : 0;
        mask |= eligible ? bit(BlockReason.ELIGIBLE_ADMIN_ROLE) : 0;
        mask |= objectIdentifierSet && !features.allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled()
                ? bit(BlockReason.ON_PREM_OBJECT_IDENTIFIER) : 0;
        mask |= cloudManaged ? bit(BlockReason.CLOUD_MANAGED) : 0;
        mask |= hard && features.blockCloudObjectTakeoverThroughHardMatchEnabled()
                ? bit(BlockReason.TENANT_BLOCKS_HARD_MATCH) : 0;
        return mask;
    }

    /**
     * A block reason's bit.
     *
     * @param reason a reason
     * @return its bit in a block mask
     */
    static int bit(BlockReason reason) {
        return 1 << reason.ordinal();
    }

    /**
     * Why the tenant's features switch a soft match off, for a pairing of kind {@link Kind#SOFT_SWITCHED_OFF}: only
     * BlockSoftMatch switches the SMTP match off, and a UPN match is off under BlockSoftMatch or without SoftMatchOnUpn.
     *
     * @param features the tenant's features the cutover runs with
     * @return the bit of {@link BlockReason#TENANT_BLOCKS_SOFT_MATCH} when BlockSoftMatch is on, else of
     *         {@link BlockReason#SOFT_MATCH_ON_UPN_OFF}
     */
    static int switchedOff(SyncFeatures features) {
        return bit(features.blockSoftMatchEnabled() ? BlockReason.TENANT_BLOCKS_SOFT_MATCH
                : BlockReason.SOFT_MATCH_ON_UPN_OFF);
    }

    /**
     * The pairing after one more rule's look-up; call while the pairing is not {@link Pairing#decided() decided}.
     *
     * @param sofar the pairing before this rule, {@link Pairing#START} before the first
     * @param rule the rule's index in the configured order
     * @param kind how Entra treats this look-up ({@link RuleKind#forObject})
     * @param found how many cloud users the rule found (0 when it {@link #pairs cannot pair})
     * @param first the first of them (any, when none)
     * @return the pairing after this rule
     */
    static Pairing afterRule(Pairing sofar, int rule, RuleKind kind, int found, int first) {
        if (found == 0) {
            return sofar;
        }
        if (kind == RuleKind.HARD_MATCH) {
            return hardMatchFirst(sofar, rule, found, first);
        }
        if (sofar.kind() == Kind.NONE) {
            return found == 1 ? new Pairing(single(kind), first, rule) : new Pairing(Kind.SOFT_SEVERAL, -1, rule);
        }
        // A single soft candidate so far: a later soft rule must find it and it alone; a stronger way of finding it
        // (Entra's own rules above all) takes over.
        if (found == 1 && first == sofar.candidate()) {
            Kind confirmed = single(kind);
            return confirmed.softRank() > sofar.kind().softRank() ? new Pairing(confirmed, first, rule) : sofar;
        }
        return new Pairing(Kind.RULES_DISAGREE, sofar.candidate(), sofar.rule());
    }

    /**
     * The pairing once Entra's hard match on the anchor the engine exports has been looked up. Entra ID tries it before
     * any soft match, whatever order the operator listed the rules in ("a new object is matched on its sourceAnchor
     * against the cloud ImmutableID first", see the type's description; how-to-connect-install-existing-tenant, "Hard
     * match vs soft match"), so a cloud user holding the anchor overrides what a soft or custom rule listed earlier
     * found. The one exception: a single soft candidate that is itself the holder stays as it is, for {@link #settle}
     * to make it {@link Kind#SOFT_SAME_ANCHOR}. The engine calls this for a hard rule in the list ({@link #afterRule})
     * and, when the rules decided before reaching one or list none, once more after the last rule it asked.
     *
     * @param sofar the pairing before the hard match
     * @param rule the hard rule's index, or -1 when no rule is hard
     * @param found how many cloud users hold the anchor
     * @param first the first of them (any, when none)
     * @return the pairing after the hard match
     */
    static Pairing hardMatchFirst(Pairing sofar, int rule, int found, int first) {
        Kind kind = sofar.kind();
        if (found == 0 || kind == Kind.HARD || kind == Kind.HARD_SEVERAL || kind == Kind.INVALID
                || kind == Kind.OUT_OF_SCOPE) {
            return sofar;
        }
        if (found == 1 && kind.singleSoft() && first == sofar.candidate()) {
            return sofar;
        }
        return new Pairing(found == 1 ? Kind.HARD : Kind.HARD_SEVERAL, first, rule);
    }

    /** The single-candidate pairing a soft look-up of this kind gives. */
    private static Kind single(RuleKind kind) {
        switch (kind) {
            case SOFT_MATCH_UPN:
            case SOFT_MATCH_SMTP:
                return Kind.SOFT;
            case SOFT_MATCH_MAIL:
                return Kind.SOFT_MAIL;
            case SWITCHED_OFF:
                return Kind.SOFT_SWITCHED_OFF;
            default:
                return Kind.SOFT_CUSTOM;
        }
    }

    /**
     * The pairing when a rule failed on the object; call only when the matching reaches that rule (the pairing is not
     * decided), since a failure of a rule never reached does not count.
     *
     * @param sofar the pairing before the rule
     * @return {@link Pairing#INVALID}
     */
    static Pairing ruleFailed(Pairing sofar) {
        if (sofar.decided()) {
            throw new IllegalStateException("a rule after the deciding one does not count: " + sofar);
        }
        return Pairing.INVALID;
    }

    /**
     * Completes a pairing after the last rule.
     *
     * @param pairing the pairing
     * @param candidateHoldsAnchor for a pairing that {@link Pairing#needsAnchorCheck() needs it}: whether the
     *        candidate's ImmutableID is exactly the one the object yields; ignored otherwise
     * @return the settled pairing, whose {@link Pairing#claim()} the engine lays
     */
    static Pairing settle(Pairing pairing, boolean candidateHoldsAnchor) {
        return pairing.needsAnchorCheck() && candidateHoldsAnchor
                ? new Pairing(Kind.SOFT_SAME_ANCHOR, pairing.candidate(), pairing.rule()) : pairing;
    }

    /**
     * Why a soft candidate's ImmutableID differs from the one the object yields, for the case the verdict turns out
     * {@link MatchOutcome#ANCHOR_MISMATCH}: decided at pairing time, while the object's anchor is at hand.
     *
     * @param expected the ImmutableID the object yields
     * @param candidateImmutableId the candidate's, or {@code null}
     * @param consistencyGuidDiffers whether the object's anchor is an mS-DS-ConsistencyGuid set to another GUID than
     *        its objectGUID
     * @return the cause: a known conversion mistake of the anchor when one explains the difference, else
     *         CONSISTENCY_GUID_DIFFERS for such an object, else UNRELATED; {@code null} when the candidate has none
     */
    static MismatchCause diagnose(String expected, String candidateImmutableId, boolean consistencyGuidDiffers) {
        if (candidateImmutableId == null) {
            return null;
        }
        MismatchCause cause = Anchors.explainMismatch(ImmutableId.of(expected), candidateImmutableId);
        return cause == MismatchCause.UNRELATED && consistencyGuidDiffers ? MismatchCause.CONSISTENCY_GUID_DIFFERS
                : cause;
    }

    /**
     * The verdict for an on-prem object, once every claim on the cloud side is counted.
     *
     * @param kind how the object was paired
     * @param anchorOnSeveralObjects whether another on-prem object yields the same anchor
     * @param candidate the pairing's cloud user, or -1
     * @param cloud answers about the candidate
     * @param collides whether a cloud user already holds the object's UPN or one of its SMTP addresses (Entra's
     *        uniqueness check), for an object that may be added
     * @return the verdict
     */
    static Verdict onPrem(Kind kind, boolean anchorOnSeveralObjects, int candidate, CloudFacts cloud,
            boolean collides) {
        if (kind == Kind.INVALID) {
            return INVALID;
        }
        if (kind == Kind.OUT_OF_SCOPE) {
            return OUT_OF_SCOPE;
        }
        if (anchorOnSeveralObjects || kind == Kind.HARD_SEVERAL) {
            return kind == Kind.HARD_SEVERAL || kind == Kind.SOFT_SEVERAL || kind == Kind.RULES_DISAGREE
                    ? DUPLICATE_NOTED : DUPLICATE_ON_PREM;
        }
        switch (kind) {
            case HARD:
            case SOFT_SAME_ANCHOR:
                return cloud.blocks(candidate, true) != 0 ? HARD_MATCH_BLOCKED : MATCHED;
            case SOFT_SEVERAL:
            case RULES_DISAGREE:
                return AMBIGUOUS_NOTED;
            case SOFT:
            case SOFT_CUSTOM:
            case SOFT_MAIL:
            case SOFT_SWITCHED_OFF:
                return softMatch(kind, candidate, cloud, collides);
            default:
                return collides ? NEW_USER_COLLIDES : NEW_USER;
        }
    }

    private static Verdict softMatch(Kind kind, int candidate, CloudFacts cloud, boolean collides) {
        if (cloud.hardClaims(candidate) > 0) {
            return collides ? COUNTERPART_TAKEN_COLLIDES : COUNTERPART_TAKEN;
        }
        if (cloud.softClaims(candidate) > 1) {
            return AMBIGUOUS_CLAIMS;
        }
        if (cloud.holdsImmutableId(candidate)) {
            return ANCHOR_MISMATCH;
        }
        if (kind == Kind.SOFT_CUSTOM) {
            return CUSTOM_MATCH_ONLY;
        }
        if (kind == Kind.SOFT_MAIL) {
            return MAIL_MATCH_UNCONFIRMED;
        }
        if (kind == Kind.SOFT_SWITCHED_OFF) {
            return SOFT_MATCH_SWITCHED_OFF;
        }
        return cloud.blocks(candidate, false) != 0 ? SOFT_MATCH_BLOCKED : SOFT_MATCH_ONLY;
    }

    /**
     * The verdict for a cloud user, once every claim is counted.
     *
     * @param user the cloud user
     * @param cloud answers about it
     * @return the verdict of its own row, or {@code null} when an on-prem object's row speaks for it
     */
    static Verdict cloud(int user, CloudFacts cloud) {
        if (cloud.sharesImmutableId(user)) {
            return CLOUD_DUPLICATE;
        }
        if (cloud.hardClaims(user) > 0 || cloud.softClaims(user) > 0) {
            return null;
        }
        if (!cloud.holdsImmutableId(user)) {
            return LEFT_ALONE;
        }
        return cloud.synced(user) ? ORPHAN_LEFT_SYNCED : ORPHAN_STAYS;
    }
}

package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.Anchors;
import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.validation.Pairing.Kind;
import dev.oktaentra.core.validation.Verdict.Advice;
import dev.oktaentra.core.validation.Verdict.AdminRole;
import dev.oktaentra.core.validation.Verdict.Export;

/**
 * Entra Connect's matching as the validation applies it: a table from what the rules found to a {@link Verdict}.
 * Nothing here reads a directory or a store; the engine looks the keys up, counts the claims and asks.
 *
 * <p>The rules, from Microsoft's "Install Microsoft Entra Connect using an existing tenant"
 * (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant): a new object
 * from Connect is matched on its sourceAnchor against the cloud ImmutableID first (hard match), then on
 * userPrincipalName or the primary SMTP proxy address (soft match); with no match a new cloud user is created. A soft
 * match takes the cloud user over and stamps the anchor. Entra ID does not match on-premises users with cloud users
 * that hold an admin role.
 *
 * <p>An object's outcome depends on the others (two objects, one counterpart), so the table is read in three steps:
 * <ol>
 *   <li><b>Pairing</b>, per object, in the configured rule order ({@link #afterRule}, {@link #settle}). The first rule
 *       that finds a cloud user decides. A hard rule pairs with what it found ({@link Kind#HARD}, or
 *       {@link Kind#HARD_SEVERAL}) and claims each of them. A soft rule that finds several is
 *       {@link Kind#SOFT_SEVERAL}; one that finds one ({@link Kind#SOFT}) must be confirmed by every later soft rule
 *       that finds anything (exactly that user), else {@link Kind#RULES_DISAGREE}; a hard rule after it does not
 *       count. A rule that failed on the object counts once the matching reaches it ({@link #ruleFailed}). A single
 *       soft candidate that already holds the object's anchor is the hard match ({@link Kind#SOFT_SAME_ANCHOR}, a
 *       hard claim); any other lays a soft claim.</li>
 *   <li><b>The on-prem verdict</b> ({@link #onPrem}), once every claim is counted, first row that applies:
 *     <table>
 *       <caption>On-prem verdicts</caption>
 *       <tr><th>pairing</th><th>and</th><th>outcome</th><th>export</th></tr>
 *       <tr><td>INVALID</td><td></td><td>INVALID</td><td></td></tr>
 *       <tr><td>any</td><td>another on-prem object yields the anchor</td><td>DUPLICATE_ANCHOR</td><td></td></tr>
 *       <tr><td>HARD_SEVERAL</td><td></td><td>DUPLICATE_ANCHOR</td><td></td></tr>
 *       <tr><td>HARD, SOFT_SAME_ANCHOR</td><td>(admin role: blocked, a conflicting add)</td><td>MATCHED</td>
 *           <td>update</td></tr>
 *       <tr><td>SOFT_SEVERAL, RULES_DISAGREE</td><td></td><td>AMBIGUOUS</td><td></td></tr>
 *       <tr><td>SOFT</td><td>the candidate has a hard claim</td><td>ONPREM_ONLY</td><td>add</td></tr>
 *       <tr><td>SOFT</td><td>the candidate has several soft claims</td><td>AMBIGUOUS</td><td></td></tr>
 *       <tr><td>SOFT</td><td>the candidate holds another ImmutableID</td><td>ANCHOR_MISMATCH</td>
 *           <td>conflicting add</td></tr>
 *       <tr><td>SOFT</td><td>(admin role: blocked, a conflicting add)</td><td>SOFT_MATCH_ONLY</td><td>update</td></tr>
 *       <tr><td>NONE</td><td></td><td>ONPREM_ONLY</td><td>add</td></tr>
 *     </table>
 *   </li>
 *   <li><b>The cloud verdict</b> ({@link #cloud}) for each cloud user: DUPLICATE_ANCHOR when another holds its
 *       ImmutableID; no row of its own when an on-prem object claims it; else CLOUD_ONLY with an ImmutableID (a delete
 *       when still marked synced) or OUT_OF_SCOPE without. That Connect deletes an orphan still marked synced is the
 *       library's standing prediction; no Microsoft source states it for this case yet.</li>
 * </ol>
 *
 * <p>A new rule of Entra's is a new input and a new row here, never a change to the store: a rule kind the tenant
 * switches off finds nothing in {@link #afterRule}; a pairing of a new kind is one more {@link Kind} (stored as its
 * code); a new fact about the candidate is one more {@link CloudFacts} method; a new outcome or reason is one more
 * {@link Verdict} constant, whose advice and export the report and the prediction already follow.
 */
final class MatchDecision {

    /** How Entra treats a configured rule. */
    enum RuleKind {
        /** The hard match on the source anchor. */
        HARD_MATCH,
        /** Entra's soft match on userPrincipalName. */
        SOFT_MATCH_UPN,
        /** Entra's soft match on the primary SMTP address. */
        SOFT_MATCH_SMTP,
        /** A rule of the operator's own: Entra does not apply it, the validation treats it as a soft match. */
        CUSTOM;

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
    }

    /**
     * What the table asks about a cloud user, once the on-prem side is paired. The engine answers from its store; the
     * table asks only what the row needs, so that a verdict reads no more than it must.
     */
    interface CloudFacts {
        /**
         * Whether the user has an ImmutableID.
         *
         * @param user the cloud user
         * @return the answer
         */
        boolean holdsImmutableId(int user);

        /**
         * Whether another cloud user holds the same ImmutableID.
         *
         * @param user the cloud user
         * @return the answer
         */
        boolean sharesImmutableId(int user);

        /**
         * Whether the user holds an admin role.
         *
         * @param user the cloud user
         * @return the answer
         */
        boolean holdsAdminRole(int user);

        /**
         * Whether the user is marked synced from on-premises.
         *
         * @param user the cloud user
         * @return the answer
         */
        boolean synced(int user);

        /**
         * How many on-prem objects claim the user by a hard match.
         *
         * @param user the cloud user
         * @return the answer
         */
        int hardClaims(int user);

        /**
         * How many on-prem objects claim the user by a soft match.
         *
         * @param user the cloud user
         * @return the answer
         */
        int softClaims(int user);
    }

    static final Verdict INVALID = verdict(MatchOutcome.INVALID, Advice.READ_FAILURE, Export.NONE);
    static final Verdict DUPLICATE_NOTED = verdict(MatchOutcome.DUPLICATE_ANCHOR, Advice.PAIRING_NOTE, Export.NONE);
    static final Verdict DUPLICATE_ON_PREM = verdict(MatchOutcome.DUPLICATE_ANCHOR, Advice.ANCHOR_ON_SEVERAL_OBJECTS,
            Export.NONE);
    static final Verdict MATCHED = new Verdict(MatchOutcome.MATCHED, Advice.NOTHING_TO_DO, Export.UPDATE,
            AdminRole.NONE, true);
    static final Verdict MATCHED_ADMIN_ROLE = new Verdict(MatchOutcome.MATCHED, Advice.ADMIN_ROLE_BLOCKS_MATCH,
            Export.CONFLICTING_ADD, AdminRole.BLOCKS_HARD_MATCH, true);
    static final Verdict AMBIGUOUS_NOTED = verdict(MatchOutcome.AMBIGUOUS, Advice.PAIRING_NOTE, Export.NONE);
    static final Verdict AMBIGUOUS_CLAIMS = verdict(MatchOutcome.AMBIGUOUS, Advice.SEVERAL_OBJECTS_SOFT_MATCH,
            Export.NONE);
    static final Verdict COUNTERPART_TAKEN = verdict(MatchOutcome.ONPREM_ONLY, Advice.COUNTERPART_TAKEN, Export.ADD);
    static final Verdict ANCHOR_MISMATCH = verdict(MatchOutcome.ANCHOR_MISMATCH, Advice.FIX_ANCHOR,
            Export.CONFLICTING_ADD);
    static final Verdict ANCHOR_MISMATCH_ADMIN_ROLE = new Verdict(MatchOutcome.ANCHOR_MISMATCH,
            Advice.FIX_ANCHOR_AND_ADMIN_ROLE, Export.CONFLICTING_ADD, AdminRole.BLOCKS_SOFT_MATCH, false);
    static final Verdict SOFT_MATCH_ONLY = new Verdict(MatchOutcome.SOFT_MATCH_ONLY, Advice.SOFT_MATCH_TAKES_OVER,
            Export.UPDATE, AdminRole.NONE, true);
    static final Verdict SOFT_MATCH_ONLY_ADMIN_ROLE = new Verdict(MatchOutcome.SOFT_MATCH_ONLY,
            Advice.ADMIN_ROLE_BLOCKS_MATCH, Export.CONFLICTING_ADD, AdminRole.BLOCKS_SOFT_MATCH, true);
    static final Verdict NEW_USER = verdict(MatchOutcome.ONPREM_ONLY, Advice.NEW_USER, Export.ADD);
    static final Verdict CLOUD_DUPLICATE = verdict(MatchOutcome.DUPLICATE_ANCHOR,
            Advice.ANCHOR_ON_SEVERAL_CLOUD_USERS, Export.NONE);
    static final Verdict ORPHAN_DELETED = verdict(MatchOutcome.CLOUD_ONLY, Advice.ORPHAN_DELETED, Export.DELETE);
    static final Verdict ORPHAN_STAYS = verdict(MatchOutcome.CLOUD_ONLY, Advice.ORPHAN_STAYS, Export.NONE);
    static final Verdict LEFT_ALONE = verdict(MatchOutcome.OUT_OF_SCOPE, Advice.LEFT_ALONE, Export.NONE);

    private MatchDecision() {
    }

    private static Verdict verdict(MatchOutcome outcome, Advice advice, Export export) {
        return new Verdict(outcome, advice, export, AdminRole.NONE, false);
    }

    /**
     * The pairing after one more rule's look-up; call while the pairing is not {@link Pairing#decided() decided}.
     *
     * @param sofar the pairing before this rule, {@link Pairing#START} before the first
     * @param rule the rule's index in the configured order
     * @param kind how Entra treats the rule
     * @param found how many cloud users the rule found
     * @param first the first of them (any, when none)
     * @return the pairing after this rule
     */
    static Pairing afterRule(Pairing sofar, int rule, RuleKind kind, int found, int first) {
        if (found == 0) {
            return sofar;
        }
        if (sofar.kind() == Kind.NONE) {
            if (kind == RuleKind.HARD_MATCH) {
                return new Pairing(found == 1 ? Kind.HARD : Kind.HARD_SEVERAL, first, rule);
            }
            return found == 1 ? new Pairing(Kind.SOFT, first, rule) : new Pairing(Kind.SOFT_SEVERAL, -1, rule);
        }
        // A single soft candidate so far: a later soft rule must find it and it alone.
        if (kind == RuleKind.HARD_MATCH || found == 1 && first == sofar.candidate()) {
            return sofar;
        }
        return new Pairing(Kind.RULES_DISAGREE, sofar.candidate(), sofar.rule());
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
     * @return the cause, or {@code null} when the candidate has none
     */
    static MismatchCause diagnose(String expected, String candidateImmutableId) {
        return candidateImmutableId == null ? null
                : Anchors.explainMismatch(ImmutableId.of(expected), candidateImmutableId);
    }

    /**
     * The verdict for an on-prem object, once every claim on the cloud side is counted.
     *
     * @param kind how the object was paired
     * @param anchorOnSeveralObjects whether another on-prem object yields the same anchor
     * @param candidate the pairing's cloud user, or -1
     * @param cloud answers about the candidate
     * @return the verdict
     */
    static Verdict onPrem(Kind kind, boolean anchorOnSeveralObjects, int candidate, CloudFacts cloud) {
        if (kind == Kind.INVALID) {
            return INVALID;
        }
        if (anchorOnSeveralObjects || kind == Kind.HARD_SEVERAL) {
            return kind == Kind.HARD_SEVERAL || kind == Kind.SOFT_SEVERAL || kind == Kind.RULES_DISAGREE
                    ? DUPLICATE_NOTED : DUPLICATE_ON_PREM;
        }
        switch (kind) {
            case HARD:
            case SOFT_SAME_ANCHOR:
                return cloud.holdsAdminRole(candidate) ? MATCHED_ADMIN_ROLE : MATCHED;
            case SOFT_SEVERAL:
            case RULES_DISAGREE:
                return AMBIGUOUS_NOTED;
            case SOFT:
                return softMatch(candidate, cloud);
            default:
                return NEW_USER;
        }
    }

    private static Verdict softMatch(int candidate, CloudFacts cloud) {
        if (cloud.hardClaims(candidate) > 0) {
            return COUNTERPART_TAKEN;
        }
        if (cloud.softClaims(candidate) > 1) {
            return AMBIGUOUS_CLAIMS;
        }
        boolean admin = cloud.holdsAdminRole(candidate);
        if (cloud.holdsImmutableId(candidate)) {
            return admin ? ANCHOR_MISMATCH_ADMIN_ROLE : ANCHOR_MISMATCH;
        }
        return admin ? SOFT_MATCH_ONLY_ADMIN_ROLE : SOFT_MATCH_ONLY;
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
        return cloud.synced(user) ? ORPHAN_DELETED : ORPHAN_STAYS;
    }
}

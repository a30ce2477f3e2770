package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.UserField;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.progress.ProgressListener;
import dev.oktaentra.core.tenant.SyncFeatures;
import dev.oktaentra.core.validation.MatchDecision.RuleKind;
import dev.oktaentra.core.validation.internal.store.AnchorSet;
import dev.oktaentra.core.validation.internal.store.CloudStore;
import dev.oktaentra.core.validation.internal.store.OnPremBatch;
import dev.oktaentra.core.validation.internal.store.Pairings;
import dev.oktaentra.core.validation.internal.store.Prefetch;
import dev.oktaentra.core.validation.internal.store.ReadAhead;
import dev.oktaentra.core.validation.internal.store.Spill;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One validation: the engine that joins the store and the rules. Both sides are read at once: the on-prem side on a
 * thread of its own, which spills each object's display data and keys it ({@link OnPremKeying}), and the cloud side
 * into a {@link CloudStore} on this thread, from a reader of its own. Once the cloud side is sealed, the keyed on-prem
 * objects are matched in the order read: each object's candidates are looked up through the rule indexes, rule by rule
 * as {@link MatchDecision} asks, and the claims it settles on are counted so that conflicts (two objects, one
 * counterpart) surface once both sides are read. An object that may be added is looked up once more, by its UPN and
 * SMTP addresses, for Entra's uniqueness check ({@link Uniqueness}), and every object's values are compared with the
 * other on-prem objects' ({@link OnPremDuplicates}); an object paired with one cloud user has the takeover's changes
 * recorded ({@link TakeoverChanges}).
 */
final class ValidationRun {

    private static final int PROGRESS_EVERY = 10_000;

    private final Validation config;
    private final List<MatchRule> rules;
    private final RuleKind[] ruleKinds;
    private final SyncFeatures features;
    private final CloudStore cloud;
    private Uniqueness uniqueness;
    private TakeoverChanges takeover;
    private final Pairings pairings = new Pairings();
    /** The on-prem objects' UPNs and addresses, to find two that share one. */
    private final OnPremDuplicates onPremDuplicates = new OnPremDuplicates(pairings.twins());
    private final AnchorSet onPremAnchors = new AnchorSet();
    /** Display data of the on-prem objects, written by their reading thread. */
    private final Spill spill = new Spill();
    /** The cloud records that could not be read. */
    private final Spill cloudInvalid = new Spill();
    private final int[] candidates = new int[4];
    /** The cloud users holding an object's anchor, when Entra's hard match is looked up after the listed rules. */
    private final int[] holders = new int[4];
    /** The first hard rule's index, or -1 when the rules list none. */
    private final int anchorRule;
    /** The first rule's look-ups of the current batch: how many each object found, and the first few. */
    private final int[] firstFound = new int[OnPremBatch.CAPACITY];
    private final int[] firstCandidates = new int[OnPremBatch.CAPACITY * 4];
    /** Keeps {@link #findFirstRule}'s warming reads from being optimised away; its value means nothing. */
    private int warmed;

    ValidationRun(Validation config) {
        this.config = config;
        this.rules = config.rules();
        this.ruleKinds = rules.stream().map(RuleKind::of).toArray(RuleKind[]::new);
        int hard = -1;
        for (int i = 0; i < rules.size() && hard < 0; i++) {
            hard = rules.get(i).isHardMatch() ? i : -1;
        }
        this.anchorRule = hard;
        this.features = config.syncFeatures();
        this.cloud = new CloudStore(rules, config.attributeMappings().stream()
                .<Function<CloudUser, String>>map(mapping -> mapping::cloudValue).toList());
    }

    ValidationReport run(OnPremDirectory onPrem, CloudDirectory cloudDirectory) {
        try {
            Set<UserField> onPremUnread = onPrem.unreadFields();
            this.uniqueness = new Uniqueness(cloud);
            // The stream is opened here, so that a side that cannot be read at all fails before any work is done.
            try (ReadAhead<OnPremBatch> onPremBatches = OnPremKeying.start(onPrem.records(), config, onPremUnread,
                    spill)) {
                loadCloud(cloudDirectory, onPremBatches);
                cloud.sealed();
                // A reader learns which columns its file has when it opens it: ask once both streams are open.
                this.takeover = new TakeoverChanges(onPrem.unreadFields(), cloudDirectory.unreadFields());
                matchOnPrem(onPremBatches);
            }
            spill.finish();
            onPremDuplicates.nameTwins(spill);
            cloudInvalid.finish();
            Warnings warnings = new Warnings(config, onPrem.name(), onPrem.unreadFields(), cloudDirectory.name(),
                    cloudDirectory.unreadFields());
            return new ValidationReport(config, onPrem.name(), cloudDirectory.name(), cloud, pairings, spill,
                    cloudInvalid, warnings.list());
        } catch (RuntimeException | Error e) {
            spill.close();
            cloudInvalid.close();
            throw e;
        }
    }

    private void loadCloud(CloudDirectory directory, ReadAhead<OnPremBatch> onPremBatches) {
        ProgressListener progress = config.progress();
        long read = 0;
        try (Prefetch<DirectoryRecord<CloudUser>> records = new Prefetch<>(directory.records(), "cloud")) {
            for (DirectoryRecord<CloudUser> record : (Iterable<DirectoryRecord<CloudUser>>) () -> records) {
                if (record instanceof DirectoryRecord.Usable<CloudUser> usable) {
                    CloudUser user = usable.user();
                    try {
                        cloud.add(user);
                    } catch (RuntimeException e) {
                        invalidCloud(directory.name(), usable.line() > 0 ? "line " + usable.line() : "id " + user.id(),
                                user.userPrincipalName(), "a match rule failed on this user: " + e.getMessage());
                    }
                } else {
                    DirectoryRecord.Rejected<CloudUser> rejected = (DirectoryRecord.Rejected<CloudUser>) record;
                    invalidCloud(rejected.source(), rejected.location(), rejected.identity(), rejected.reason());
                }
                if (++read % PROGRESS_EVERY == 0) {
                    progress.progress("reading cloud users", read, -1);
                    onPremBatches.rethrowFailure();  // an unreadable on-prem side need not wait for the cloud
                }
            }
        }
        progress.progress("reading cloud users", read, read);
    }

    private void invalidCloud(String source, String location, String identity, String reason) {
        cloudInvalid.writeInvalid("CLOUD", source, location, identity, reason);
    }

    private void matchOnPrem(ReadAhead<OnPremBatch> batches) {
        ProgressListener progress = config.progress();
        long read = 0;
        for (OnPremBatch batch = batches.take(); batch != null; batch = batches.take()) {
            findFirstRule(batch);
            for (int object = 0; object < batch.size(); object++) {
                if (batch.usable(object)) {
                    match(batch, object);
                } else if (batch.outOfScope(object) >= 0) {
                    pairings.add(Pairing.Kind.OUT_OF_SCOPE.code(), -1, null, batch.outOfScope(object), 0);
                } else {
                    pairings.add(Pairing.INVALID.kind().code(), -1, null, -1, 0);
                }
                if (++read % PROGRESS_EVERY == 0) {
                    progress.progress("matching on-prem users", read, -1);
                }
            }
        }
        onPremAnchors.findDuplicates((earlier, later) -> {
            pairings.markDuplicate(earlier);
            pairings.markDuplicate(later);
        });
        progress.progress("matching on-prem users", read, read);
    }

    /**
     * Looks every object of the batch up under the first rule, before any is matched: the look-ups are independent
     * of each other, so the processor waits for their cache misses together rather than one object at a time, and
     * the claims and mapped values of what they find are read into the cache the same way. Most objects are decided
     * by the first rule; {@link #match} takes its results from here.
     */
    private void findFirstRule(OnPremBatch batch) {
        int sink = 0;
        byte[] keys = batch.bytes();
        for (int object = 0; object < batch.size(); object++) {
            int found = 0;
            if (batch.usable(object) && batch.hasKey(object, 0)) {
                found = cloud.find(0, keys, batch.keyStart(object, 0), batch.keyLength(object, 0), candidates,
                        candidates.length);
                System.arraycopy(candidates, 0, firstCandidates, object * candidates.length,
                        Math.min(found, candidates.length));
                if (found > 0) {
                    sink += cloud.hardClaims(candidates[0]) + cloud.mappedMask(candidates[0]);
                }
            }
            firstFound[object] = found;
        }
        warmed += sink;
    }

    /** Looks the object up rule by rule, as {@link MatchDecision} asks, and records what it settles on. */
    private void match(OnPremBatch batch, int object) {
        Pairing pairing = Pairing.START;
        byte[] keys = batch.bytes();
        boolean mailFallback = batch.flag(object, OnPremBatch.MAIL_FALLBACK);
        int found = 0;
        int r = 0;
        for (; r < rules.size() && !pairing.decided(); r++) {
            String failure = batch.failure(object, r);
            if (failure != null) {
                // The rule threw on the reading thread; it counts only now that the matching has reached it.
                Pairing invalid = MatchDecision.ruleFailed(pairing);
                int entry = pairings.add(invalid.kind().code(), invalid.candidate(), null, invalid.rule(), 0);
                pairings.note(entry, failure);
                return;
            }
            RuleKind kind = ruleKinds[r].forObject(mailFallback).under(features);
            if (r == 0) {
                found = firstFound[object];
                System.arraycopy(firstCandidates, object * candidates.length, candidates, 0,
                        Math.min(found, candidates.length));
            } else {
                found = batch.hasKey(object, r) ? cloud.find(r, keys, batch.keyStart(object, r),
                        batch.keyLength(object, r), candidates, candidates.length) : 0;
            }
            pairing = MatchDecision.afterRule(pairing, r, kind, found, candidates[0]);
        }
        if (anchorRule < 0 || anchorRule >= r) {
            // The rules decided before reaching a hard rule, or list none: Entra's hard match still comes first.
            int held = cloud.findAnchor(keys, batch.anchorStart(object), batch.anchorLength(object), holders,
                    holders.length);
            Pairing hard = MatchDecision.hardMatchFirst(pairing, anchorRule, held, holders[0]);
            if (hard != pairing) {
                pairing = hard;
                found = held;
                System.arraycopy(holders, 0, candidates, 0, Math.min(held, candidates.length));
            }
        }
        int candidate = pairing.candidate();
        pairing = MatchDecision.settle(pairing, pairing.needsAnchorCheck()
                && cloud.immutableIdEquals(candidate, keys, batch.anchorStart(object), batch.anchorLength(object)));
        MismatchCause cause = null;
        switch (pairing.claim()) {
            case HARD_EACH_FOUND:
                claimEachFound(batch, object, found);
                break;
            case HARD:
                cloud.claimHard(candidate);
                break;
            case SOFT:
                cloud.claimSoft(candidate);
                cause = MatchDecision.diagnose(batch.anchor(object), cloud.immutableId(candidate),
                        batch.flag(object, OnPremBatch.CONSISTENCY_GUID_DIFFERS));
                break;
            default:
                break;
        }
        int deletions = pairing.oneCandidate() ? batch.lacks(object) & cloud.mappedMask(candidate) : 0;
        int entry = pairings.add(pairing.kind().code(), candidate, cause, pairing.rule(), deletions);
        pairings.note(entry, note(pairing, r - 1, found));
        if (pairing.oneCandidate()) {
            int changes = takeover.compare(batch, object, cloud, candidate);
            if (changes != 0) {
                pairings.changes(entry, changes, TakeoverChanges.newValues(batch, object));
            }
        }
        uniqueness.readAddresses(batch, object);
        onPremDuplicates.add(batch, object, entry, uniqueness);
        if (pairing.mayAdd()) {
            pairings.holders(entry, uniqueness.holders(batch, object, candidate));
        } else if (pairing.oneCandidate() && uniqueness.takeoverConflicts(batch, object, candidate)) {
            // A hard match's takeover writes the on-prem UPN and addresses onto the cloud user, and the uniqueness
            // check applies to updates as to adds (Uniqueness); kept only when another user holds one, so that a
            // clean match stores nothing.
            pairings.holders(entry, uniqueness.holders(batch, object, candidate));
        }
        if (batch.guidAnchor(object)) {
            onPremAnchors.add(batch.guidHi(object), batch.guidLo(object), entry);
        } else {
            onPremAnchors.add(batch.anchor(object), entry);
        }
    }

    /**
     * Lays a hard claim on every cloud user the hard match found. {@link #candidates} holds its look-up, the first few
     * of them; more (several cloud users holding one ImmutableID,
     * which Entra does not allow) are looked up again, so that none is offered to another object's soft match.
     */
    private void claimEachFound(OnPremBatch batch, int object, int found) {
        int[] all = candidates;
        if (found > candidates.length) {
            // A hard rule is keyed by the object's anchor (OnPremKeying), so the anchor index finds what it found.
            all = new int[found];
            cloud.findAnchor(batch.bytes(), batch.anchorStart(object), batch.anchorLength(object), all, found);
        }
        for (int i = 0; i < found; i++) {
            cloud.claimHard(all[i]);
        }
    }

    /**
     * The words a pairing of several candidates needs, while the candidates are at hand.
     *
     * @param last the last rule looked up, whose look-up {@link #candidates} holds
     * @param found how many cloud users it found
     */
    private String note(Pairing pairing, int last, int found) {
        switch (pairing.kind()) {
            case HARD_SEVERAL:
                return found + " cloud users hold this ImmutableID; Entra ID cannot tell them apart";
            case SOFT_SEVERAL:
                return rules.get(last).name() + " finds " + found + " cloud users: " + upns(found);
            case RULES_DISAGREE:
                return rules.get(pairing.rule()).name() + " finds " + cloud.upn(pairing.candidate()) + " but "
                        + rules.get(last).name() + " finds " + upns(found);
            default:
                return null;
        }
    }

    private String upns(int found) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(found, candidates.length); i++) {
            out.append(i == 0 ? "" : ", ").append(cloud.upn(candidates[i]));
        }
        return found > candidates.length ? out.append(", …").toString() : out.toString();
    }
}

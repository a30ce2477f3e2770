package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.Anchors;
import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.progress.ProgressListener;
import java.util.List;

/**
 * One validation. Both sides are read at once: the on-prem side on a thread of its own, which spills each object's
 * display data and keys it ({@link OnPremKeying}), and the cloud side into a {@link CloudStore} on this thread,
 * from a reader of its own. Once the cloud side is sealed, the keyed on-prem objects are matched in the order read:
 * each object's candidates are found through the rule indexes, and claims on cloud users are counted so that
 * conflicts (two objects, one counterpart) surface once both sides are read.
 */
final class ValidationRun {

    private static final int PROGRESS_EVERY = 10_000;

    private final Validation config;
    private final List<MatchRule> rules;
    private final CloudStore cloud;
    private final Entries entries = new Entries();
    private final AnchorSet onPremAnchors = new AnchorSet();
    /** Display data of the on-prem objects, written by their reading thread. */
    private final Spill spill = new Spill();
    /** The cloud records that could not be read. */
    private final Spill cloudInvalid = new Spill();
    private final int[] candidates = new int[4];
    /** The first rule's look-ups of the current batch: how many each object found, and the first few. */
    private final int[] firstFound = new int[OnPremBatch.CAPACITY];
    private final int[] firstCandidates = new int[OnPremBatch.CAPACITY * 4];
    /** Keeps {@link #findFirstRule}'s warming reads from being optimised away; its value means nothing. */
    private int warmed;

    ValidationRun(Validation config) {
        this.config = config;
        this.rules = config.rules();
        this.cloud = new CloudStore(rules, config.attributeMappings());
    }

    ValidationReport run(OnPremDirectory onPrem, CloudDirectory cloudDirectory) {
        try {
            // The stream is opened here, so that a side that cannot be read at all fails before any work is done.
            try (ReadAhead<OnPremBatch> onPremBatches = OnPremKeying.start(onPrem.records(), config, spill)) {
                loadCloud(cloudDirectory, onPremBatches);
                cloud.sealed();
                matchOnPrem(onPremBatches);
            }
            spill.finish();
            cloudInvalid.finish();
            return new ValidationReport(config, onPrem.name(), cloudDirectory.name(), cloud, entries, spill,
                    cloudInvalid);
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
                } else {
                    entries.add(Entries.INVALID, -1, null, -1, 0);
                }
                if (++read % PROGRESS_EVERY == 0) {
                    progress.progress("matching on-prem users", read, -1);
                }
            }
        }
        onPremAnchors.findDuplicates((earlier, later) -> {
            entries.markDuplicate(earlier);
            entries.markDuplicate(later);
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

    /** Finds the object's candidates rule by rule, in order; the first rule with a candidate decides. */
    private void match(OnPremBatch batch, int object) {
        byte kind = Entries.NONE;
        int candidate = -1;
        int decidingRule = -1;
        String note = null;
        byte[] keys = batch.bytes();
        for (int r = 0; r < rules.size(); r++) {
            String failure = batch.failure(object, r);
            if (failure != null) {
                // The rule threw on the reading thread; it counts only now that the matching has reached it.
                int entry = entries.add(Entries.INVALID, -1, null, -1, 0);
                entries.note(entry, failure);
                return;
            }
            int found;
            if (r == 0) {
                found = firstFound[object];
                System.arraycopy(firstCandidates, object * candidates.length, candidates, 0,
                        Math.min(found, candidates.length));
            } else {
                found = batch.hasKey(object, r) ? cloud.find(r, keys, batch.keyStart(object, r),
                        batch.keyLength(object, r), candidates, candidates.length) : 0;
            }
            if (found == 0) {
                continue;
            }
            MatchRule rule = rules.get(r);
            if (decidingRule < 0) {
                decidingRule = r;
                if (rule.isHardMatch()) {
                    kind = found == 1 ? Entries.HARD : Entries.HARD_MULTI;
                    candidate = candidates[0];
                    for (int i = 0; i < Math.min(found, candidates.length); i++) {
                        cloud.claimHard(candidates[i]);
                    }
                    if (found > 1) {
                        note = found + " cloud users hold this ImmutableID; Entra ID cannot tell them apart";
                    }
                    break;
                }
                if (found > 1) {
                    kind = Entries.SOFT_MULTI;
                    note = rule.name() + " finds " + found + " cloud users: " + upns(found);
                    break;
                }
                kind = Entries.SOFT;
                candidate = candidates[0];
            } else if (!rule.isHardMatch() && (found > 1 || candidates[0] != candidate)) {
                kind = Entries.SOFT_CONFLICT;
                note = rules.get(decidingRule).name() + " finds " + cloud.upn(candidate) + " but " + rule.name()
                        + " finds " + upns(found);
                break;
            }
        }
        MismatchCause cause = null;
        int deletions = 0;
        if (kind == Entries.SOFT) {
            if (cloud.immutableIdEquals(candidate, keys, batch.anchorStart(object), batch.anchorLength(object))) {
                kind = Entries.SOFT_SAME_ANCHOR;  // a soft rule ordered first found what the hard match would
                cloud.claimHard(candidate);
            } else {
                cloud.claimSoft(candidate);
                String cloudAnchor = cloud.immutableId(candidate);
                if (cloudAnchor != null) {
                    cause = Anchors.explainMismatch(ImmutableId.of(batch.anchor(object)), cloudAnchor);
                }
            }
        }
        if (kind == Entries.HARD || kind == Entries.SOFT || kind == Entries.SOFT_SAME_ANCHOR) {
            deletions = batch.lacks(object) & cloud.mappedMask(candidate);
        }
        int entry = entries.add(kind, candidate, cause, decidingRule, deletions);
        entries.note(entry, note);
        if (batch.guidAnchor(object)) {
            onPremAnchors.add(batch.guidHi(object), batch.guidLo(object), entry);
        } else {
            onPremAnchors.add(batch.anchor(object), entry);
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

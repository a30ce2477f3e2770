package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.Anchors;
import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.InvalidAnchorException;
import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.progress.ProgressListener;
import java.util.List;
import java.util.Optional;

/**
 * One validation: the cloud side is loaded into a {@link CloudStore}, then the on-prem side streams past it once.
 * Each on-prem object's candidates are found through the rule indexes; claims on cloud users are counted so that
 * conflicts (two objects, one counterpart) surface once both sides are read. Display data goes to a {@link Spill}.
 */
final class ValidationRun {

    private static final int PROGRESS_EVERY = 10_000;

    private final Validation config;
    private final List<MatchRule> rules;
    private final CloudStore cloud;
    private final Entries entries = new Entries();
    private final AnchorSet onPremAnchors = new AnchorSet();
    private final Spill spill = new Spill();
    private final int[] candidates = new int[4];

    ValidationRun(Validation config) {
        this.config = config;
        this.rules = config.rules();
        this.cloud = new CloudStore(rules, config.attributeMappings());
    }

    ValidationReport run(OnPremDirectory onPrem, CloudDirectory cloudDirectory) {
        try {
            loadCloud(cloudDirectory);
            cloud.sealed();
            streamOnPrem(onPrem);
            spill.finish();
            return new ValidationReport(config, onPrem.name(), cloudDirectory.name(), cloud, entries, spill);
        } catch (RuntimeException e) {
            spill.close();
            throw e;
        }
    }

    private void loadCloud(CloudDirectory directory) {
        ProgressListener progress = config.progress();
        long read = 0;
        try (Prefetch<DirectoryRecord<CloudUser>> records = new Prefetch<>(directory.records(), "cloud")) {
            for (DirectoryRecord<CloudUser> record : (Iterable<DirectoryRecord<CloudUser>>) () -> records) {
                if (record instanceof DirectoryRecord.Rejected<CloudUser> rejected) {
                    invalid("CLOUD", rejected.source(), rejected.location(), rejected.identity(), rejected.reason());
                } else {
                    CloudUser user = record.orElseThrow();
                    try {
                        cloud.add(user);
                    } catch (RuntimeException e) {
                        invalid("CLOUD", directory.name(), "id " + user.id(), user.userPrincipalName(),
                                "a match rule failed on this user: " + e.getMessage());
                    }
                }
                if (++read % PROGRESS_EVERY == 0) {
                    progress.progress("reading cloud users", read, -1);
                }
            }
        }
        progress.progress("reading cloud users", read, read);
    }

    private void streamOnPrem(OnPremDirectory directory) {
        ProgressListener progress = config.progress();
        long read = 0;
        try (Prefetch<DirectoryRecord<OnPremUser>> records = new Prefetch<>(directory.records(), "on-prem")) {
            for (DirectoryRecord<OnPremUser> record : (Iterable<DirectoryRecord<OnPremUser>>) () -> records) {
                if (record instanceof DirectoryRecord.Rejected<OnPremUser> rejected) {
                    invalid("ON_PREM", rejected.source(), rejected.location(), rejected.identity(),
                            rejected.reason());
                } else {
                    match(record.orElseThrow());
                }
                if (++read % PROGRESS_EVERY == 0) {
                    progress.progress("matching on-prem users", read, -1);
                }
            }
        }
        progress.progress("matching on-prem users", read, read);
    }

    private void invalid(String side, String source, String location, String identity, String reason) {
        entries.add(Entries.INVALID, -1, null, -1, 0);
        spill.writeInvalid(side, source, location, identity, reason);
    }

    /** Finds the user's candidates rule by rule, in order; the first rule with a candidate decides. */
    private void match(OnPremUser user) {
        String identity = user.userPrincipalName() != null ? user.userPrincipalName() : user.distinguishedName();
        ImmutableId expected;
        try {
            Optional<ImmutableId> anchor = config.anchor().expected(user);
            if (anchor.isEmpty()) {
                invalid("ON_PREM", user.origin(), user.distinguishedName(), identity,
                        config.anchor().attribute() + " is empty, so the object has no anchor");
                return;
            }
            expected = anchor.get();
        } catch (InvalidAnchorException e) {
            invalid("ON_PREM", user.origin(), user.distinguishedName(), identity,
                    config.anchor().attribute() + " " + e.input() + " " + e.reason());
            return;
        }

        byte kind = Entries.NONE;
        int candidate = -1;
        int decidingRule = -1;
        String note = null;
        for (int r = 0; r < rules.size(); r++) {
            String key;
            try {
                key = rules.get(r).key(user);  // lazily: most objects are decided by the first rule
            } catch (RuntimeException e) {
                invalid("ON_PREM", user.origin(), user.distinguishedName(), identity,
                        "match rule " + rules.get(r).name() + " failed on this object: " + e.getMessage());
                return;
            }
            int found = cloud.find(r, key, candidates, candidates.length);
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
            String cloudAnchor = cloud.immutableId(candidate);
            if (expected.value().equals(cloudAnchor)) {
                kind = Entries.SOFT_SAME_ANCHOR;  // a soft rule ordered first found what the hard match would
                cloud.claimHard(candidate);
            } else {
                cloud.claimSoft(candidate);
                if (cloudAnchor != null) {
                    cause = Anchors.explainMismatch(expected, cloudAnchor);
                }
            }
        }
        if (kind == Entries.HARD || kind == Entries.SOFT || kind == Entries.SOFT_SAME_ANCHOR) {
            deletions = deletions(user, candidate);
        }
        int entry = entries.add(kind, candidate, cause, decidingRule, deletions);
        if (onPremAnchors.addAndFindEarlier(expected, entry, entries::markDuplicate) > 0) {
            entries.markDuplicate(entry);
        }
        boolean derivable = config.anchor().kind() == SourceAnchor.Kind.OBJECT_GUID;
        spill.writeUser(user.userPrincipalName(), user.distinguishedName(), user.objectGuid(),
                derivable ? null : expected.value(), user.origin(), note);
    }

    private String upns(int found) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(found, candidates.length); i++) {
            out.append(i == 0 ? "" : ", ").append(cloud.upn(candidates[i]));
        }
        return found > candidates.length ? out.append(", …").toString() : out.toString();
    }

    /** The mapped attributes the cloud user has and the on-prem user lacks, as a bit mask over the mappings. */
    private int deletions(OnPremUser user, int candidate) {
        List<AttributeMapping> mappings = config.attributeMappings();
        int mask = 0;
        for (int m = 0; m < mappings.size(); m++) {
            if (cloud.hasMapped(m, candidate) && mappings.get(m).onPremValue(user) == null) {
                mask |= 1 << m;
            }
        }
        return mask;
    }
}

package dev.oktaentra.core.detect;

import dev.oktaentra.core.anchor.AnchorFormat;
import dev.oktaentra.core.anchor.Anchors;
import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.InvalidAnchorException;
import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.SourceAnchor;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds which on-prem attribute Okta put into the cloud's ImmutableIDs, before anything else is done: the
 * migration procedure warns that a changed Okta mapping must be known before Okta is switched off.
 *
 * <p>Every candidate (objectGUID, mS-DS-ConsistencyGuid, and each further on-prem attribute read as a string and,
 * when its values look binary, as bytes) is scored by the share of distinct cloud ImmutableIDs it reproduces. For
 * the cloud users the winner does not explain, the on-prem user with the same UPN is looked up and the mismatch
 * diagnosed, so that a byte-order mistake shows as such rather than as a lower score.
 *
 * <p>The cloud side is held in memory as a set of ImmutableIDs and a UPN map; the on-prem side is streamed twice.
 * Nothing is dropped without being counted: rejected records on either side, and on-prem values that do not parse
 * as the winner's attribute, are in the result and its {@link AnchorDetection#describe() description}.
 */
public final class AnchorSourceDetector {

    private AnchorSourceDetector() {
    }

    /**
     * Detects the source attribute.
     *
     * @param onPrem the on-prem users (a sample is enough); streamed twice
     * @param cloud the cloud users; streamed once
     * @return the ranking and the diagnosis of the rest
     */
    public static AnchorDetection detect(OnPremDirectory onPrem, CloudDirectory cloud) {
        Map<String, Integer> anchorIndex = new HashMap<>();
        Map<String, String> anchorByUpn = new HashMap<>();
        long[] cloudRejected = {0};
        long[] cloudRecords = {0};
        try (Stream<DirectoryRecord<CloudUser>> records = cloud.records()) {
            records.forEach(record -> {
                cloudRecords[0]++;
                if (record instanceof DirectoryRecord.Usable<CloudUser> usable) {
                    if (usable.user().immutableId() != null) {
                        String anchor = usable.user().immutableId().value();
                        anchorIndex.putIfAbsent(anchor, anchorIndex.size());
                        anchorByUpn.put(usable.user().userPrincipalName().toLowerCase(Locale.ROOT), anchor);
                    }
                } else {
                    cloudRejected[0]++;
                }
            });
        }

        Map<SourceAnchor, BitSet> explained = new LinkedHashMap<>();
        explained.put(SourceAnchor.objectGuid(), new BitSet());
        explained.put(SourceAnchor.consistencyGuid(), new BitSet());
        long[] onPremRejected = {0};
        long[] onPremRecords = {0};
        long[] consistencyDiffers = {0};
        try (Stream<DirectoryRecord<OnPremUser>> records = onPrem.records()) {
            records.forEach(record -> {
                onPremRecords[0]++;
                if (record instanceof DirectoryRecord.Usable<OnPremUser> usable) {
                    OnPremUser user = usable.user();
                    boolean differs = user.consistencyGuid() != null
                            && !user.consistencyGuid().equals(user.objectGuid());
                    consistencyDiffers[0] += differs ? 1 : 0;
                    score(user, anchorIndex, explained);
                } else {
                    onPremRejected[0]++;
                }
            });
        }

        long total = anchorIndex.size();
        List<AnchorCandidate> ranking = new ArrayList<>();
        explained.forEach((anchor, bits) -> ranking.add(
                new AnchorCandidate(anchor, bits.cardinality(), total == 0 ? 0 : bits.cardinality() / (double) total)));
        // On a tie objectGUID (Okta's default) comes first, then mS-DS-ConsistencyGuid, then the other attributes by
        // name, text before bytes: the same ranking whatever order the users and their attributes were read in.
        ranking.sort(Comparator.comparingLong(AnchorCandidate::explained).reversed()
                .thenComparingInt(c -> tieRank(c.anchor()))
                .thenComparing(c -> c.anchor().name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(c -> c.anchor().name()));

        SourceAnchor winner = ranking.get(0).anchor();
        BitSet winnerBits = explained.get(winner);
        Map<MismatchCause, Long> rest = new EnumMap<>(MismatchCause.class);
        // diagnosed: unexplained cloud ImmutableIDs with an on-prem user of the same UPN, diagnosed or unparsable
        long[] diagnosed = {0};
        long[] unparsed = {0};
        try (Stream<DirectoryRecord<OnPremUser>> records = onPrem.records()) {
            records.forEach(record -> {
                if (record instanceof DirectoryRecord.Usable<OnPremUser> usable) {
                    OnPremUser user = usable.user();
                    String upn = user.userPrincipalName();
                    String cloudAnchor = upn == null ? null : anchorByUpn.get(upn.toLowerCase(Locale.ROOT));
                    Integer index = cloudAnchor == null ? null : anchorIndex.get(cloudAnchor);
                    boolean unexplained = index != null && !winnerBits.get(index);
                    Optional<ImmutableId> want;
                    try {
                        want = winner.expected(user);
                    } catch (InvalidAnchorException e) {
                        unparsed[0]++;
                        diagnosed[0] += unexplained ? 1 : 0;
                        return;
                    }
                    if (unexplained && want.isPresent()) {
                        rest.merge(Anchors.explainMismatch(want.get(), cloudAnchor), 1L, Long::sum);
                        diagnosed[0]++;
                    }
                }
            });
        }
        long unexplained = total - ranking.get(0).explained();
        return new AnchorDetection(total, ranking, rest, Math.max(0, unexplained - diagnosed[0]), cloudRejected[0],
                onPremRejected[0], unparsed[0], onPremRecords[0], cloudRecords[0], consistencyDiffers[0]);
    }

    private static int tieRank(SourceAnchor anchor) {
        switch (anchor.kind()) {
            case OBJECT_GUID:
                return 0;
            case CONSISTENCY_GUID:
                return 1;
            default:
                return 2;
        }
    }

    private static void score(OnPremUser user, Map<String, Integer> anchorIndex,
            Map<SourceAnchor, BitSet> explained) {
        for (String name : user.attributes().names()) {
            Optional<AttributeValue> value = user.attributes().first(name);
            SourceAnchor asString = SourceAnchor.stringAttribute(name);
            explained.computeIfAbsent(asString, a -> new BitSet());
            if (value.isPresent() && looksBinary(value.get())) {
                explained.computeIfAbsent(SourceAnchor.binaryAttribute(name), a -> new BitSet());
            }
        }
        explained.forEach((anchor, bits) -> expected(anchor, user).ifPresent(id -> {
            Integer index = anchorIndex.get(id.value());
            if (index != null) {
                bits.set(index);
            }
        }));
    }

    private static boolean looksBinary(AttributeValue value) {
        if (!value.isText()) {
            return true;
        }
        try {
            return Anchors.detect(value.asString()) != AnchorFormat.STRING;
        } catch (InvalidAnchorException e) {
            return false;
        }
    }

    private static Optional<ImmutableId> expected(SourceAnchor anchor, OnPremUser user) {
        try {
            return anchor.expected(user);
        } catch (InvalidAnchorException e) {
            return Optional.empty();
        }
    }
}

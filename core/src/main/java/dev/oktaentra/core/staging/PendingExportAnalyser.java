package dev.oktaentra.core.staging;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.directory.DirectoryRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns pending exports into a {@link PendingExportReport}: per object the UPN, sourceAnchor and attribute changes
 * (old and new values, deletions flagged), counts per object type, and the join with the validation report's
 * {@link KnownUsers}, which yields the findings:
 *
 * <ul>
 *   <li>{@link StagingFindingKind#UNEXPECTED_ADD}: an add that matches an existing cloud user by UPN or primary SMTP
 *       address (or by anchor while the cloud user holds another ImmutableID). Entra would create a duplicate; fix
 *       that cloud user's ImmutableID first. Also an add whose hard match Entra refuses (a role holder, a match the
 *       validation found blocked), one found only through {@code mail}, and one whose look-ups lead to two cloud
 *       users. An add whose anchor equals a cloud user's ImmutableID, with none of these, hard-matches and is not a
 *       finding.</li>
 *   <li>{@link StagingFindingKind#ROLE_HOLDER_RELEASED}: an add whose anchor is the ImmutableID of a cloud user whose
 *       hard match only its directory roles block, when {@link StagingChecks#roleHoldersReleased()} says
 *       {@code release-role-holders} removes them before the cutover; not blocking.</li>
 *   <li>{@link StagingFindingKind#UNEXPECTED_DELETE}: every delete or delete-add, of any object type, unless it is a
 *       user listed among the {@link ReviewedLeavers} ({@link StagingFindingKind#REVIEWED_DELETE}, listed but not
 *       blocking); the rules and their sources are in {@code PendingDeletes}.</li>
 *   <li>{@link StagingFindingKind#DELETION_THRESHOLD_EXCEEDED}: more deletes than Entra Connect's deletion threshold,
 *       which stops the whole export (see {@link DeletionThreshold}); listed first.</li>
 *   <li>{@link StagingFindingKind#REFUSED_UPDATE}: an update that changes the sourceAnchor or cloudAnchor, or writes
 *       to a cloud user whose takeover Entra blocks; the rules and their sources are in {@code PendingUpdates}.</li>
 *   <li>{@link StagingFindingKind#BACKFILL_CANDIDATE}: an update that deletes an attribute whose on-prem value was read
 *       and is empty; {@link StagingFindingKind#ATTRIBUTE_DELETION} for every other attribute deletion. An update that
 *       takes some {@code proxyAddresses} out while it keeps or adds others loses the ones taken out (mail to a lost
 *       SMTP alias bounces): the same two kinds, naming the lost values, a back-fill candidate when the on-prem
 *       proxyAddresses were read and lack one of them (see {@code LostProxyAddresses}).</li>
 *   <li>{@link StagingFindingKind#EXPORT_ERROR} and {@link StagingFindingKind#UNREADABLE_OBJECT}.</li>
 * </ul>
 *
 * <p>An add is joined in Entra's own order, sourceAnchor, then primary SMTP address (or {@code mail} without
 * proxyAddresses), then UPN, and judged by {@code PendingAdds}, which cites the rules; other operations look up
 * sourceAnchor, UPN, then primary SMTP address, and take the first user found. The analyser is
 * mutable and not thread-safe: feed it every object of one export, then ask for the {@link #report()}.
 */
public final class PendingExportAnalyser {

    private static final Logger LOG = LoggerFactory.getLogger(PendingExportAnalyser.class);

    private final KnownUsers known;
    private final StagingChecks checks;
    private final boolean retainObjects;
    private final Map<String, OperationCounts> byType = new HashMap<>();
    private final List<StagingFinding> findings = new ArrayList<>();
    private final List<ObjectChange> retained = new ArrayList<>();
    private long objects;
    private long attributeDeletions;
    private long unexpectedAdds;
    private long softMatches;
    private long unexpectedDeletes;
    private long refusedUpdates;
    private long reviewedDeletes;
    private long backfillCandidates;
    private long exportErrors;
    private long rejected;

    private PendingExportAnalyser(KnownUsers known, StagingChecks checks, boolean retainObjects) {
        this.known = Objects.requireNonNull(known, "known");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.retainObjects = retainObjects;
    }

    /**
     * An analyser whose report keeps every pending object's change, for files that fit in memory, with
     * {@link StagingChecks#defaults()}: the deletion threshold of 500 and no reviewed leavers.
     *
     * @param known the validation report's users; {@link KnownUsers#none()} for counts and changes only
     * @return the analyser
     */
    public static PendingExportAnalyser inMemory(KnownUsers known) {
        return inMemory(known, StagingChecks.defaults());
    }

    /**
     * An analyser whose report keeps every pending object's change, for files that fit in memory.
     *
     * @param known the validation report's users; {@link KnownUsers#none()} for counts and changes only
     * @param checks the deletion threshold and the reviewed leavers
     * @return the analyser
     */
    public static PendingExportAnalyser inMemory(KnownUsers known, StagingChecks checks) {
        return new PendingExportAnalyser(known, checks, true);
    }

    /**
     * An analyser for exports of any size, with {@link StagingChecks#defaults()}; see
     * {@link #streaming(KnownUsers, StagingChecks)}.
     *
     * @param known the validation report's users
     * @return the analyser
     */
    public static PendingExportAnalyser streaming(KnownUsers known) {
        return streaming(known, StagingChecks.defaults());
    }

    /**
     * An analyser for exports of any size: its report keeps counts and findings only; each object's change is
     * returned by {@link #accept(PendingExport)} for the caller to write out (e.g. to a {@link PendingExportCsv}).
     *
     * @param known the validation report's users
     * @param checks the deletion threshold and the reviewed leavers
     * @return the analyser
     */
    public static PendingExportAnalyser streaming(KnownUsers known, StagingChecks checks) {
        return new PendingExportAnalyser(known, checks, false);
    }

    /**
     * Reads every object of an export, closes the reader, and reports with {@link StagingChecks#defaults()}.
     *
     * @param reader the export
     * @param known the validation report's users
     * @return the report
     * @throws StagingExportException when the file cannot be read
     */
    public static PendingExportReport analyse(PendingExportReader reader, KnownUsers known) {
        return analyse(reader, known, StagingChecks.defaults());
    }

    /**
     * Reads every object of an export, closes the reader, and reports, keeping every pending object's change.
     *
     * @param reader the export
     * @param known the validation report's users
     * @param checks the deletion threshold and the reviewed leavers
     * @return the report
     * @throws StagingExportException when the file cannot be read
     */
    public static PendingExportReport analyse(PendingExportReader reader, KnownUsers known, StagingChecks checks) {
        PendingExportAnalyser analyser = inMemory(known, checks);
        try (reader) {
            while (reader.hasNext()) {
                analyser.accept(reader.next());
            }
        }
        PendingExportReport report = analyser.report();
        LOG.info("Read {} objects from {}: {}", report.summary().objects(), reader.sourceName(),
                report.summary().toJson());
        return report;
    }

    /**
     * Takes one record of a reader: counts a rejected one (and raises an {@link StagingFindingKind#UNREADABLE_OBJECT}
     * finding), analyses a usable one.
     *
     * @param record the record
     * @return the object's change, or empty for a rejected record
     */
    public Optional<ObjectChange> accept(DirectoryRecord<PendingExport> record) {
        if (record instanceof DirectoryRecord.Usable<PendingExport> usable) {
            return Optional.of(accept(usable.user()));
        }
        DirectoryRecord.Rejected<PendingExport> bad = (DirectoryRecord.Rejected<PendingExport>) record;
        objects++;
        rejected++;
        findings.add(new StagingFinding(StagingFindingKind.UNREADABLE_OBJECT, bad.identity(), null, null, null, null,
                null, bad.toString(), Recommendations.unreadableAction(bad), bad.location()));
        return Optional.empty();
    }

    /**
     * Analyses one object and counts it.
     *
     * @param export the object
     * @return its change, with its findings
     */
    public ObjectChange accept(PendingExport export) {
        objects++;
        ObjectOperation operation = export.operation();
        String upn = export.userPrincipalName();
        ImmutableId anchor = export.sourceAnchor();
        ObjectFindings local = new ObjectFindings(export, upn, anchor);
        List<AttributeChange> changes = List.of();
        UserMatch match = null;
        if (operation.isPending()) {
            boolean rename = export.delta().isRename();
            byType.merge(export.objectType(), OperationCounts.ZERO.plus(operation, rename), OperationCounts::plus);
            match = join(export, operation, upn, anchor, local);
            if (operation == ObjectOperation.UPDATE || operation == ObjectOperation.REPLACE) {
                for (PendingUpdates.Verdict verdict : PendingUpdates.judge(export, match, checks)) {
                    refusedUpdates += verdict.kind() == StagingFindingKind.REFUSED_UPDATE ? 1 : 0;
                    local.add(verdict.kind(), verdict.attribute(), match, verdict.detail(), verdict.action());
                }
            }
            changes = attributeChanges(export, operation, match, local);
        }
        if (export.exportError() != null) {
            exportErrors++;
            local.add(StagingFindingKind.EXPORT_ERROR, null, match, export.exportError().describe(),
                    Recommendations.exportErrorAction());
        }
        ObjectChange change = new ObjectChange(export.csDn(), export.objectType(), operation,
                export.delta() == null ? null : export.delta().newDn(), upn, anchor, changes, export.exportError(),
                match, local.list, export.location());
        if (retainObjects && (operation.isPending() || export.exportError() != null)) {
            retained.add(change);
        }
        findings.addAll(local.list);
        return change;
    }

    private UserMatch join(PendingExport export, ObjectOperation operation, String upn, ImmutableId anchor,
            ObjectFindings local) {
        boolean deleting = operation == ObjectOperation.DELETE || operation == ObjectOperation.DELETE_ADD;
        if (deleting && !PendingDeletes.USER.equalsIgnoreCase(export.objectType())) {
            // Known users are users: a group or contact sharing an address with one would be a false tie.
            judgeDelete(export, operation, null, local);
            return null;
        }
        if (operation == ObjectOperation.ADD) {
            PendingAdds.Verdict verdict = PendingAdds.judge(export, anchor, upn, known, checks);
            switch (verdict.kind()) {
                case SOFT_MATCH -> softMatches++;
                case RELEASED -> local.add(StagingFindingKind.ROLE_HOLDER_RELEASED, null, verdict.match(),
                        verdict.detail(), verdict.action());
                case DUPLICATE -> {
                    unexpectedAdds++;
                    local.add(StagingFindingKind.UNEXPECTED_ADD, null, verdict.match(), verdict.detail(),
                            verdict.action());
                }
                default -> {
                    // A new user or a clean hard match: nothing to say.
                }
            }
            return verdict.match();
        }
        UserMatch first = null;
        for (MatchedBy by : MatchedBy.values()) {
            List<KnownUser> users = switch (by) {
                case SOURCE_ANCHOR -> anchor == null ? List.of() : known.bySourceAnchor(anchor);
                case USER_PRINCIPAL_NAME -> upn == null ? List.of() : known.byUserPrincipalName(upn);
                case PRIMARY_SMTP_ADDRESS -> bySmtp(export);
            };
            if (!users.isEmpty()) {
                first = new UserMatch(users.get(0), by);
                break;
            }
        }
        if (deleting) {
            judgeDelete(export, operation, first, local);
        }
        return first;
    }

    private void judgeDelete(PendingExport export, ObjectOperation operation, UserMatch match, ObjectFindings local) {
        PendingDeletes.Verdict verdict = PendingDeletes.judge(export, operation, match, checks.reviewedLeavers());
        if (verdict.kind() == StagingFindingKind.REVIEWED_DELETE) {
            reviewedDeletes++;
        } else {
            unexpectedDeletes++;
        }
        local.add(verdict.kind(), null, match, verdict.detail(), verdict.action());
    }

    private List<KnownUser> bySmtp(PendingExport export) {
        String smtp = export.primarySmtpAddress();
        return smtp == null ? List.of() : known.byPrimarySmtpAddress(smtp);
    }

    private List<AttributeChange> attributeChanges(PendingExport export, ObjectOperation operation, UserMatch match,
            ObjectFindings local) {
        List<AttributeDelta> deltas = export.delta().attributes();
        if (deltas.isEmpty()) {
            return List.of();
        }
        boolean updating = operation == ObjectOperation.UPDATE || operation == ObjectOperation.REPLACE;
        List<AttributeChange> changes = new ArrayList<>(deltas.size());
        for (AttributeDelta delta : deltas) {
            String name = delta.name();
            List<String> before = export.valuesBefore(name);
            List<String> after = export.valuesAfter(name);
            boolean deletion = updating && delta.isDeletion();
            changes.add(new AttributeChange(name, delta.operation(), before, after, delta.addedValues(),
                    delta.removedValues(), deletion));
            // Proxy addresses lost while others stay (added or kept) are named one by one; a cleared attribute is a
            // deletion like any other.
            List<String> lost = updating && !after.isEmpty() && name.equalsIgnoreCase(PendingExport.PROXY_ADDRESSES)
                    ? LostProxyAddresses.of(delta, before, after) : List.of();
            if (!lost.isEmpty()) {
                attributeDeletions++;
                lostAddressesFinding(name, lost, match, local);
            } else if (deletion) {
                attributeDeletions++;
                deletionFinding(name, before, match, local);
            }
        }
        return changes;
    }

    /** A value the cloud holds that the export removes, judged as {@link #deletionFinding} judges a whole one. */
    private void lostAddressesFinding(String name, List<String> lost, UserMatch match, ObjectFindings local) {
        KnownUser user = match == null ? null : match.user();
        List<String> onPrem = user == null ? null : user.onPremisesValues(name).orElse(null);
        boolean backfill = onPrem != null && !LostProxyAddresses.missingOnPrem(lost, onPrem).isEmpty();
        if (backfill) {
            backfillCandidates++;
        }
        local.add(backfill ? StagingFindingKind.BACKFILL_CANDIDATE : StagingFindingKind.ATTRIBUTE_DELETION, name,
                match, LostProxyAddresses.detail(user, lost, onPrem), LostProxyAddresses.action(user, lost, onPrem));
    }

    private void deletionFinding(String name, List<String> cloudValues, UserMatch match, ObjectFindings local) {
        KnownUser user = match == null ? null : match.user();
        List<String> onPrem = user == null ? null : user.onPremisesValues(name).orElse(null);
        if (onPrem != null && onPrem.stream().allMatch(String::isBlank)) {
            backfillCandidates++;
            local.add(StagingFindingKind.BACKFILL_CANDIDATE, name, match, Recommendations.backfillDetail(name, user,
                    cloudValues), Recommendations.backfillAction(name, user, cloudValues));
        } else {
            local.add(StagingFindingKind.ATTRIBUTE_DELETION, name, match,
                    Recommendations.deletionDetail(name, cloudValues, user, onPrem),
                    Recommendations.deletionAction(name, onPrem));
        }
    }

    /**
     * The report so far: counts of every object accepted, findings, and (unless {@link #streaming(KnownUsers)})
     * each pending object's change.
     *
     * @return the report; later objects do not change it
     */
    public PendingExportReport report() {
        PendingExportSummary summary = summary();
        if (!summary.deletionThreshold().exceeded()) {
            return new PendingExportReport(summary, findings, retained, retainObjects);
        }
        // First, because it decides the fate of the whole export, adds and updates included.
        List<StagingFinding> all = new ArrayList<>(findings.size() + 1);
        all.add(new StagingFinding(StagingFindingKind.DELETION_THRESHOLD_EXCEEDED, null, null, null, null, null, null,
                Recommendations.thresholdDetail(summary), Recommendations.thresholdAction(summary), null));
        all.addAll(findings);
        return new PendingExportReport(summary, all, retained, retainObjects);
    }

    /**
     * The figures so far.
     *
     * @return the summary
     */
    public PendingExportSummary summary() {
        OperationCounts total = OperationCounts.ZERO;
        for (OperationCounts counts : byType.values()) {
            total = total.plus(counts);
        }
        return new PendingExportSummary(total.adds(), total.updates(), total.deletes(), attributeDeletions,
                unexpectedAdds, softMatches, unexpectedDeletes, reviewedDeletes, backfillCandidates, total.deleteAdds(),
                total.renames(), exportErrors, rejected, objects,
                new DeletionThreshold(checks.deletionThreshold(), total.deletes() + total.deleteAdds()), byType,
                refusedUpdates);
    }

    /** The findings of one object, which know its identity. */
    private static final class ObjectFindings {
        private final PendingExport export;
        private final String upn;
        private final ImmutableId anchor;
        private final List<StagingFinding> list = new ArrayList<>(0);

        ObjectFindings(PendingExport export, String upn, ImmutableId anchor) {
            this.export = export;
            this.upn = upn;
            this.anchor = anchor;
        }

        void add(StagingFindingKind kind, String attribute, UserMatch match, String detail, String action) {
            list.add(new StagingFinding(kind, export.csDn(), export.objectType(), upn, anchor, attribute, match, detail,
                    action, export.location()));
        }
    }
}

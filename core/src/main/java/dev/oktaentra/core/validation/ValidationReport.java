package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.match.BlockReason;
import dev.oktaentra.core.match.DefaultScopeRule;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.TargetEngine;
import dev.oktaentra.core.report.ExcelSafeCsv;
import dev.oktaentra.core.staging.KnownUser;
import dev.oktaentra.core.staging.KnownUsers;
import dev.oktaentra.core.tenant.DomainAuthentication;
import dev.oktaentra.core.tenant.TenantDomains;
import dev.oktaentra.core.validation.internal.store.CloudStore;
import dev.oktaentra.core.validation.internal.store.Pairings;
import dev.oktaentra.core.validation.internal.store.Spill;
import dev.oktaentra.core.validation.internal.store.SpillReader;
import dev.oktaentra.core.validation.internal.store.Twins;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The result of a {@link Validation}: counts by outcome and by cause, the predicted staging export, and one
 * {@link ValidationFinding} per object, streamed from a temporary file.
 *
 * <p>{@link #writeCsv(Path)} writes the rows for Excel, {@link #writeJson(Path)} the summary and rows for tools.
 *
 * <p>The temporary files (the objects' display data, some hundred bytes an object) live in the directory named by
 * {@code java.io.tmpdir} until the report is closed: close it, with try-with-resources, when done. A report that is
 * never closed has its files deleted once the garbage collector finds it (and every stream of its findings)
 * unreachable, or at the latest when the JVM exits; nothing is kept for a report after its files are gone, so a
 * long-running application may validate any number of times.
 */
public final class ValidationReport implements AutoCloseable {

    private final Validation config;
    private final String onPremSource;
    private final String cloudSource;
    private final CloudStore cloud;
    private final Pairings pairings;
    /** Answers {@link MatchDecision}'s questions about cloud users from the store. */
    private final MatchDecision.CloudFacts facts;
    private final Spill spill;
    /** The cloud records that could not be read; each is an INVALID finding of its own. */
    private final Spill cloudInvalid;
    private final List<String> warnings;
    private final ValidationSummary summary;
    /** The tenant's domains, to mark each row's cloud UPN domain; {@code null} until {@link #markDomains}. */
    private volatile TenantDomains domains;

    ValidationReport(Validation config, String onPremSource, String cloudSource, CloudStore cloud, Pairings pairings,
            Spill spill, Spill cloudInvalid, List<String> warnings) {
        this.config = config;
        this.onPremSource = onPremSource;
        this.cloudSource = cloudSource;
        this.cloud = cloud;
        this.pairings = pairings;
        this.facts = new StoredFacts(cloud, config.syncFeatures());
        this.spill = spill;
        this.cloudInvalid = cloudInvalid;
        this.warnings = warnings;
        this.summary = summarise();
    }

    private ValidationSummary summarise() {
        // Counted in arrays by ordinal, a million entries without a boxed Long each, and made maps once at the end.
        long[] outcomeN = new long[MatchOutcome.values().length];
        outcomeN[MatchOutcome.INVALID.ordinal()] = cloudInvalid.size();
        long[] causeN = new long[MismatchCause.values().length];
        long[] hardN = new long[BlockReason.values().length];
        long[] softN = new long[BlockReason.values().length];
        long[] scopeN = new long[DefaultScopeRule.values().length];
        long[] exportN = new long[Verdict.Export.values().length];
        List<AttributeMapping> mappings = config.attributeMappings();
        long[] deletionsByMapping = new long[mappings.size()];
        long[] changesByAttribute = new long[TakeoverChanges.ATTRIBUTES.size()];
        long deletionTotal = 0;
        long changeTotal = 0;
        long uniqueness = 0;
        for (int e = 0; e < pairings.size(); e++) {
            Verdict verdict = verdict(e);
            outcomeN[verdict.outcome().ordinal()]++;
            exportN[verdict.export().ordinal()]++;
            if (verdict.outcome() == MatchOutcome.ANCHOR_MISMATCH) {
                causeN[pairings.cause(e).ordinal()]++;
            }
            if (verdict.outcome() == MatchOutcome.OUT_OF_SCOPE) {
                scopeN[pairings.rule(e)]++;
            }
            if (verdict.blocked() != Verdict.Blocked.NONE) {
                countBlocks(blocks(e, verdict), verdict.blocked() == Verdict.Blocked.HARD_MATCH ? hardN : softN);
            }
            uniqueness += conflictingHolders(e, verdict) ? 1 : 0;
            int mask = deletionMask(e, verdict);
            if (mask != 0) {
                deletionTotal++;
                for (int m = 0; m < deletionsByMapping.length; m++) {
                    deletionsByMapping[m] += (mask & (1 << m)) != 0 ? 1 : 0;
                }
            }
            int changes = changeMask(e, verdict);
            if (changes != 0) {
                changeTotal++;
                for (int a = 0; a < changesByAttribute.length; a++) {
                    changesByAttribute[a] += TakeoverChanges.changes(changes, a) ? 1 : 0;
                }
            }
        }
        long orphans = 0;
        long orphansSynced = 0;
        for (int c = 0; c < cloud.size(); c++) {
            Verdict verdict = cloudVerdict(c);
            if (verdict != null) {
                outcomeN[verdict.outcome().ordinal()]++;
                exportN[verdict.export().ordinal()]++;
                orphans += verdict.outcome() == MatchOutcome.CLOUD_ONLY ? 1 : 0;
                orphansSynced += verdict.advice() == Verdict.Advice.ORPHAN_LEFT_SYNCED ? 1 : 0;
            }
        }
        Map<MatchOutcome, Long> counts = asMap(MatchOutcome.class, outcomeN);
        Map<MismatchCause, Long> causes = asMap(MismatchCause.class, causeN);
        causes.remove(MismatchCause.NONE);
        Map<BlockReason, Long> hardBlocks = asMap(BlockReason.class, hardN);
        Map<BlockReason, Long> softBlocks = asMap(BlockReason.class, softN);
        Map<DefaultScopeRule, Long> scope = asMap(DefaultScopeRule.class, scopeN);
        Map<Verdict.Export, Long> exports = asMap(Verdict.Export.class, exportN);
        Map<String, Long> deletionsByAttribute = new LinkedHashMap<>();
        for (int m = 0; m < deletionsByMapping.length; m++) {
            deletionsByAttribute.merge(mappings.get(m).cloudField(), deletionsByMapping[m], Long::sum);
        }
        Map<String, Long> changesByName = new LinkedHashMap<>();
        for (int a = 0; a < changesByAttribute.length; a++) {
            changesByName.put(TakeoverChanges.ATTRIBUTES.get(a), changesByAttribute[a]);
        }
        StagingPrediction prediction = new StagingPrediction(exports.get(Verdict.Export.ADD),
                exports.get(Verdict.Export.CONFLICTING_ADD), exports.get(Verdict.Export.UPDATE), 0, deletionTotal,
                deletionsByAttribute, orphans, orphansSynced, changeTotal, changesByName);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new ValidationSummary(config.anchor().name(), config.targetEngine().describe(), config.syncFeatures(),
                config.syncFeaturesSource(), config.rules().stream().map(r -> r.name()).toList(), onPremSource,
                cloudSource, total, counts, causes, softBlocks.get(BlockReason.ADMIN_ROLE),
                hardBlocks.get(BlockReason.ADMIN_ROLE), hardBlocks, softBlocks, scope, uniqueness, prediction,
                mappings, warnings);
    }

    private static void countBlocks(int mask, long[] byReason) {
        for (BlockReason reason : BlockReason.values()) {
            byReason[reason.ordinal()] += (mask & MatchDecision.bit(reason)) != 0 ? 1 : 0;
        }
    }

    private static <E extends Enum<E>> Map<E, Long> asMap(Class<E> type, long[] byOrdinal) {
        Map<E, Long> map = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            map.put(value, byOrdinal[value.ordinal()]);
        }
        return map;
    }

    /** The predicted deletions of an entry; only users the sync would take over have them. */
    int deletionMask(int entry, Verdict verdict) {
        return verdict.takesOver() ? pairings.deletions(entry) : 0;
    }

    /** The takeover changes of an entry ({@link TakeoverChanges}); only users the sync would take over have them. */
    int changeMask(int entry, Verdict verdict) {
        return verdict.takesOver() ? pairings.changes(entry) : 0;
    }

    /**
     * What blocks an entry's match: for a blocked verdict, the candidate's reasons for that match; for an
     * ANCHOR_MISMATCH, what would block the hard match once the anchor is fixed; else none.
     */
    int blocks(int entry, Verdict verdict) {
        int candidate = pairings.candidate(entry);
        switch (verdict.blocked()) {
            case HARD_MATCH:
                return facts.blocks(candidate, true);
            case SOFT_MATCH:
                return facts.blocks(candidate, false);
            case SOFT_MATCH_SWITCHED_OFF:
                return facts.blocks(candidate, false) | MatchDecision.switchedOff(config.syncFeatures());
            default:
                return verdict.outcome() == MatchOutcome.ANCHOR_MISMATCH ? facts.blocks(candidate, true) : 0;
        }
    }

    /**
     * Who holds an entry's UPN or an SMTP address, as Entra's uniqueness check meets them: for an object the sync
     * adds, every holder (the documented AttributeValueMustBeUnique of an ANCHOR_MISMATCH is with its candidate); for
     * one it takes over, or would once unblocked, every holder but that cloud user; for any other, none. The cloud
     * users come first, then the other on-prem objects the sync exports with the same value ({@link OnPremDuplicates}).
     */
    List<UniquenessConflict> conflicts(int entry, Verdict verdict) {
        Pairings.Holders holders = pairings.holders(entry);
        Twins twins = pairings.twins();
        if (holders == null && !twins.any(entry) || verdict.export() == Verdict.Export.NONE) {
            return List.of();
        }
        List<UniquenessConflict> list = new ArrayList<>(2);
        if (holders != null) {
            int self = self(entry, verdict);
            int upn = first(holders.upnHolders(), self);
            if (upn >= 0) {
                // The holder's UPN is the object's, letter case aside.
                list.add(new UniquenessConflict(UniquenessConflict.USER_PRINCIPAL_NAME, cloud.upn(upn), cloud.id(upn),
                        cloud.upn(upn)));
            }
            boolean other = first(holders.addressHolders(), self) < 0;
            int address = first(other ? holders.otherHolders() : holders.addressHolders(), self);
            if (address >= 0) {
                list.add(new UniquenessConflict(UniquenessConflict.PROXY_ADDRESSES,
                        other ? holders.otherAddress() : holders.address(), cloud.id(address), cloud.upn(address)));
            }
        }
        int upnTwin = twins.upnTwin(entry);
        if (upnTwin >= 0) {
            // The twin's UPN is the object's, letter case aside.
            list.add(UniquenessConflict.onPremHolder(UniquenessConflict.USER_PRINCIPAL_NAME,
                    Objects.requireNonNullElse(twins.upn(upnTwin), ""), dnOf(twins, upnTwin), twins.upn(upnTwin)));
        }
        int addressTwin = twins.addressTwin(entry);
        if (addressTwin >= 0) {
            list.add(UniquenessConflict.onPremHolder(UniquenessConflict.PROXY_ADDRESSES, twins.address(entry),
                    dnOf(twins, addressTwin), twins.upn(addressTwin)));
        }
        return list;
    }

    /** An on-prem holder's DN, or its entry's number when the source gave it none (a CSV export without the column). */
    private static String dnOf(Twins twins, int entry) {
        String dn = twins.dn(entry);
        return dn != null ? dn : "on-prem entry " + (entry + 1);
    }

    private boolean conflictingHolders(int entry, Verdict verdict) {
        if (verdict.export() == Verdict.Export.NONE) {
            return false;
        }
        if (pairings.twins().any(entry)) {
            return true;
        }
        Pairings.Holders holders = pairings.holders(entry);
        if (holders == null) {
            return false;
        }
        int self = self(entry, verdict);
        return first(holders.upnHolders(), self) >= 0 || first(holders.addressHolders(), self) >= 0
                || first(holders.otherHolders(), self) >= 0;
    }

    /** The cloud user a verdict takes over (or would, once unblocked), whose own values are no conflict; else -1. */
    private int self(int entry, Verdict verdict) {
        return verdict.export() == Verdict.Export.UPDATE || verdict.blocked() != Verdict.Blocked.NONE
                ? pairings.candidate(entry) : -1;
    }

    private static int first(int[] users, int except) {
        if (users != null) {
            for (int user : users) {
                if (user != except) {
                    return user;
                }
            }
        }
        return -1;
    }

    /** The verdict on an on-prem entry, now that every claim is counted. */
    Verdict verdict(int entry) {
        return MatchDecision.onPrem(Pairing.Kind.of(pairings.kind(entry)), pairings.duplicate(entry),
                pairings.candidate(entry), facts, pairings.holders(entry) != null || pairings.twins().any(entry));
    }

    /** The verdict on a cloud user's row of its own, or {@code null} when an on-prem row already speaks for it. */
    Verdict cloudVerdict(int entry) {
        return MatchDecision.cloud(entry, facts);
    }

    /** The cause of an entry's ANCHOR_MISMATCH; {@code null} for any other verdict. */
    MismatchCause cause(int entry, Verdict verdict) {
        return verdict.outcome() == MatchOutcome.ANCHOR_MISMATCH ? pairings.cause(entry) : null;
    }

    /**
     * The totals: outcomes, causes, the staging prediction.
     *
     * @return the summary
     */
    public ValidationSummary summary() {
        return summary;
    }

    /**
     * Objects per outcome; every outcome is present, zero or not.
     *
     * @return the counts in the order of {@link MatchOutcome}
     */
    public Map<MatchOutcome, Long> counts() {
        return summary.counts();
    }

    /**
     * ANCHOR_MISMATCH objects per cause; every cause but NONE is present.
     *
     * @return the counts in the order of {@link MismatchCause}
     */
    public Map<MismatchCause, Long> causes() {
        return summary.causes();
    }

    /**
     * What the staging server's pending export should hold.
     *
     * @return the prediction
     */
    public StagingPrediction prediction() {
        return summary.prediction();
    }

    /**
     * Whether anything needs a person's attention before the cutover: a side that yielded no users
     * ({@link #emptySide()}), any outcome other than MATCHED, SOFT_MATCH_ONLY and OUT_OF_SCOPE, a soft match Entra ID
     * blocks, a UPN or address another cloud user or on-prem object holds, or a predicted attribute deletion or
     * change. The {@link #warnings()} do not count: they say what could not be predicted, and the output shows them.
     *
     * @return true when a person must act
     */
    public boolean needsAttention() {
        Map<MatchOutcome, Long> counts = counts();
        long fine = counts.get(MatchOutcome.MATCHED) + counts.get(MatchOutcome.SOFT_MATCH_ONLY)
                + counts.get(MatchOutcome.OUT_OF_SCOPE);
        long softBlocks = summary.softMatchBlocks().values().stream().anyMatch(n -> n > 0) ? 1 : 0;
        return fine != summary.total() || softBlocks > 0 || summary.uniquenessConflicts() > 0
                || summary.prediction().attributeDeletions() > 0 || summary.prediction().attributeChanges() > 0
                || emptySide().isPresent();
    }

    /**
     * What could not be predicted because a source did not provide a field: an export without the
     * mS-DS-ConsistencyGuid column (read as empty for every user), a cloud export without eligible roles, and so on.
     *
     * @return one sentence each, naming the source and the field; empty when everything was read
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The engine that takes over and the anchor it computes, as the validation assumed: the staging analysis joins
     * the pending export's sourceAnchor to the ImmutableIDs this anchor yields.
     *
     * @return the target
     */
    public TargetEngine targetEngine() {
        return config.targetEngine();
    }

    /**
     * How many on-prem records the validation read, usable or not.
     *
     * @return the count
     */
    public long onPremRecords() {
        return pairings.size();
    }

    /**
     * How many cloud records the validation read, usable or not.
     *
     * @return the count
     */
    public long cloudRecords() {
        return (long) cloud.size() + cloudInvalid.size();
    }

    /**
     * Why this validation cannot be trusted because a side yielded no users ({@link EmptySide}): with either side
     * empty nothing disagrees, so the counts look clean for the wrong reason.
     *
     * @return the reason, naming the empty side and what to check; empty when both sides yielded records
     */
    public Optional<String> emptySide() {
        return EmptySide.check(onPremSource, onPremRecords(), cloudSource, cloudRecords());
    }

    /**
     * Every finding: the cloud records that could not be read, the on-prem objects (readable or not) in the order
     * read, then cloud users that need a row of their own (orphans, duplicates, cloud-only users). Close the stream
     * after use.
     *
     * @return the findings
     */
    public Stream<ValidationFinding> findings() {
        Findings findings = new Findings(this, cloudInvalid.reader(), spill.reader());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(findings,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(findings::close);
    }

    /**
     * The users this report knows, for joining a staging server's pending export to them: every on-prem object
     * with its expected and cloud ImmutableID, and every cloud user with a row of its own. A mapped attribute the
     * report predicts the sync would delete is known to be empty on-prem (a back-fill candidate).
     *
     * @return an in-memory index, built from the findings
     */
    public KnownUsers knownUsers() {
        List<KnownUser> users = new ArrayList<>();
        try (Stream<ValidationFinding> findings = findings()) {
            findings.filter(f -> f.outcome() != MatchOutcome.INVALID).forEach(f -> {
                KnownUser.Builder user = KnownUser.builder()
                        .userPrincipalName(f.side() == ValidationFinding.Side.ON_PREM ? f.userPrincipalName()
                                : f.cloudUserPrincipalName())
                        .distinguishedName(f.distinguishedName())
                        .primarySmtpAddress(f.cloudPrimarySmtpAddress())
                        .cloudUserId(f.cloudId())
                        .cloudImmutableId(f.cloudImmutableId() == null ? null : ImmutableId.of(f.cloudImmutableId()))
                        .expectedImmutableId(f.expectedImmutableId() == null ? null
                                : ImmutableId.of(f.expectedImmutableId()))
                        .outcome(f.outcome().name())
                        .holdsAdminRole(f.holdsAdminRole())
                        .matchBlocked(f.outcome() != MatchOutcome.ANCHOR_MISMATCH && !f.blockReasons().isEmpty())
                        .blockReasons(f.outcome() == MatchOutcome.ANCHOR_MISMATCH ? java.util.Set.of()
                                : f.blockReasons());
                for (AttributeMapping mapping : config.attributeMappings()) {
                    if (f.attributeDeletions().containsKey(mapping.cloudField())) {
                        user.onPremises(mapping.onPremAttribute());
                    }
                }
                users.add(user.build());
            });
        }
        return KnownUsers.of(users);
    }

    /**
     * Marks every row whose cloud user has a UPN with the authentication of that UPN's domain: the
     * {@code CloudUpnDomain} column of the CSV, the {@code cloudUpnDomain} field of the JSON and the HTML table show
     * {@code FEDERATED}, {@code MANAGED} or {@code UNKNOWN}. A cloud user in a federated domain cannot have its
     * ImmutableID changed directly ({@link DomainAuthentication#allowsImmutableIdChange()}). The rows themselves and
     * their outcomes do not change.
     *
     * @param value the tenant's domains, as {@link dev.oktaentra.core.tenant.TenantSync#domains()} reads them
     * @return this report
     */
    public ValidationReport markDomains(TenantDomains value) {
        this.domains = Objects.requireNonNull(value, "value");
        return this;
    }

    /**
     * The tenant's domains this report marks its rows with.
     *
     * @return the domains, or empty before {@link #markDomains}
     */
    public Optional<TenantDomains> domains() {
        return Optional.ofNullable(domains);
    }

    /**
     * How the domain of a finding's cloud user's UPN authenticates.
     *
     * @param finding a finding of this report
     * @return the authentication; empty when the report knows no domains or the finding has no cloud user
     */
    public Optional<DomainAuthentication> cloudUpnDomain(ValidationFinding finding) {
        TenantDomains known = domains;
        String upn = finding.cloudUserPrincipalName();
        return known == null || upn == null ? Optional.empty() : Optional.of(known.authenticationOf(upn));
    }

    /** The CloudUpnDomain cell of a cloud UPN: empty ({@code null}) without domains or without a UPN. */
    String domainCell(String cloudUpn) {
        TenantDomains known = domains;
        return known == null || cloudUpn == null ? null : known.authenticationOf(cloudUpn).name();
    }

    /**
     * Writes the findings as CSV for Excel: UTF-8 with a byte-order mark, formula-safe cells, and every GUID and
     * ImmutableID byte for byte, so that a script may read them back (the rule is {@link ExcelSafeCsv}'s).
     *
     * @param file the file to create or replace
     */
    public void writeCsv(Path file) {
        ReportFiles.writeCsv(this, file);
    }

    /**
     * Writes the summary and every finding as indented JSON, with {@code "findingsIncluded": "ALL"}; for a large
     * report {@link #writeReports} writes a far smaller one.
     *
     * @param file the file to create or replace
     */
    public void writeJson(Path file) {
        ReportFiles.writeJson(this, file);
    }

    /**
     * Writes the two report files a script or a person uses, in one pass over the findings, and keeps the first
     * findings of each outcome for a page ({@code HtmlReport.forValidation}), so that all three files cost one pass:
     * <ul>
     *   <li>{@code csv}: every finding, as {@link #writeCsv} writes it;</li>
     *   <li>{@code json}: compact JSON (no indentation) with the {@code summary}, then {@code "findingsIncluded":
     *       "ALL_BUT_CLEAN_MATCHES"}, {@code "fullListFile"} (the CSV's path from the JSON's folder), the
     *       {@code findings} array with every finding but the clean matches, each with the fields
     *       {@link #writeJson} writes, and last {@code "cleanMatchesOmitted"}, their count. A clean match is a
     *       MATCHED finding with nothing else to say: no note, admin role, predicted attribute deletion or change,
     *       block reason or uniqueness conflict. At a million users nearly every row is one; the JSON would be some
     *       700 MB with them and a few MB without. A reader gets the clean matches from the CSV: its rows with Outcome
     *       {@code MATCHED} and empty Note, AdminRole, PredictedAttributeDeletions, PredictedChanges, BlockedBy and
     *       UniquenessConflicts cells (undo the formula prefix with
     *       {@link dev.oktaentra.core.report.ExcelSafeCsv#restore}).</li>
     * </ul>
     * The on-prem rows are formatted by two threads and the files written on threads of their own.
     *
     * @param csv the CSV file to create or replace
     * @param json the JSON file to create or replace
     * @param firstFindingsPerOutcome how many findings of each outcome to keep for a page, at least 1
     * @return the first findings of each outcome, and each outcome's total
     * @throws IllegalArgumentException when {@code firstFindingsPerOutcome} is below 1
     * @throws java.io.UncheckedIOException naming the file that cannot be written
     */
    public FirstFindings writeReports(Path csv, Path json, int firstFindingsPerOutcome) {
        if (firstFindingsPerOutcome < 1) {
            throw new IllegalArgumentException("firstFindingsPerOutcome must be at least 1, got "
                    + firstFindingsPerOutcome);
        }
        return ReportFiles.writeReports(this, csv, json, firstFindingsPerOutcome);
    }

    SpillReader spillReader() {
        return spill.reader();
    }

    SpillReader cloudInvalidReader() {
        return cloudInvalid.reader();
    }

    /** Deletes the temporary files behind {@link #findings()}. */
    @Override
    public void close() {
        try {
            spill.close();
        } finally {
            cloudInvalid.close();
        }
    }

    Validation config() {
        return config;
    }

    CloudStore cloud() {
        return cloud;
    }

    Pairings pairings() {
        return pairings;
    }

    String cloudSource() {
        return cloudSource;
    }
}

package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.report.ExcelSafeCsv;
import dev.oktaentra.core.staging.KnownUser;
import dev.oktaentra.core.staging.KnownUsers;
import dev.oktaentra.core.tenant.DomainAuthentication;
import dev.oktaentra.core.tenant.TenantDomains;
import dev.oktaentra.core.validation.internal.store.CloudStore;
import dev.oktaentra.core.validation.internal.store.Pairings;
import dev.oktaentra.core.validation.internal.store.ReadAhead;
import dev.oktaentra.core.validation.internal.store.Spill;
import dev.oktaentra.core.validation.internal.store.SpillEntry;
import dev.oktaentra.core.validation.internal.store.SpillReader;
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
    private final ValidationSummary summary;
    /** The tenant's domains, to mark each row's cloud UPN domain; {@code null} until {@link #markDomains}. */
    private volatile TenantDomains domains;

    ValidationReport(Validation config, String onPremSource, String cloudSource, CloudStore cloud, Pairings pairings,
            Spill spill, Spill cloudInvalid) {
        this.config = config;
        this.onPremSource = onPremSource;
        this.cloudSource = cloudSource;
        this.cloud = cloud;
        this.pairings = pairings;
        this.facts = new StoredFacts(cloud);
        this.spill = spill;
        this.cloudInvalid = cloudInvalid;
        this.summary = summarise();
    }

    private ValidationSummary summarise() {
        Map<MatchOutcome, Long> counts = new EnumMap<>(MatchOutcome.class);
        for (MatchOutcome outcome : MatchOutcome.values()) {
            counts.put(outcome, 0L);
        }
        counts.put(MatchOutcome.INVALID, (long) cloudInvalid.size());
        Map<MismatchCause, Long> causes = new EnumMap<>(MismatchCause.class);
        for (MismatchCause cause : MismatchCause.values()) {
            if (cause != MismatchCause.NONE) {
                causes.put(cause, 0L);
            }
        }
        List<AttributeMapping> mappings = config.attributeMappings();
        long[] deletionsByMapping = new long[mappings.size()];
        Map<Verdict.Export, Long> exports = new EnumMap<>(Verdict.Export.class);
        for (Verdict.Export export : Verdict.Export.values()) {
            exports.put(export, 0L);
        }
        long adminSoftMatches = 0;
        long adminHardMatches = 0;
        long deletionTotal = 0;
        for (int e = 0; e < pairings.size(); e++) {
            Verdict verdict = verdict(e);
            counts.merge(verdict.outcome(), 1L, Long::sum);
            exports.merge(verdict.export(), 1L, Long::sum);
            if (verdict.outcome() == MatchOutcome.ANCHOR_MISMATCH) {
                causes.merge(pairings.cause(e), 1L, Long::sum);
            }
            adminSoftMatches += verdict.adminRole() == Verdict.AdminRole.BLOCKS_SOFT_MATCH ? 1 : 0;
            adminHardMatches += verdict.adminRole() == Verdict.AdminRole.BLOCKS_HARD_MATCH ? 1 : 0;
            int mask = deletionMask(e, verdict);
            if (mask != 0) {
                deletionTotal++;
                for (int m = 0; m < deletionsByMapping.length; m++) {
                    if ((mask & (1 << m)) != 0) {
                        deletionsByMapping[m]++;
                    }
                }
            }
        }
        for (int c = 0; c < cloud.size(); c++) {
            Verdict verdict = cloudVerdict(c);
            if (verdict != null) {
                counts.merge(verdict.outcome(), 1L, Long::sum);
                exports.merge(verdict.export(), 1L, Long::sum);
            }
        }
        Map<String, Long> byAttribute = new LinkedHashMap<>();
        for (int m = 0; m < deletionsByMapping.length; m++) {
            byAttribute.merge(mappings.get(m).cloudField(), deletionsByMapping[m], Long::sum);
        }
        StagingPrediction prediction = new StagingPrediction(exports.get(Verdict.Export.ADD),
                exports.get(Verdict.Export.CONFLICTING_ADD), exports.get(Verdict.Export.UPDATE),
                exports.get(Verdict.Export.DELETE), deletionTotal, byAttribute);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new ValidationSummary(config.anchor().name(), config.rules().stream().map(r -> r.name()).toList(),
                onPremSource, cloudSource, total, counts, causes, adminSoftMatches, adminHardMatches, prediction,
                mappings);
    }

    /** The predicted deletions of an entry; only users the sync would take over have them. */
    int deletionMask(int entry, Verdict verdict) {
        return verdict.takesOver() ? pairings.deletions(entry) : 0;
    }

    /** The verdict on an on-prem entry, now that every claim is counted. */
    Verdict verdict(int entry) {
        return MatchDecision.onPrem(Pairing.Kind.of(pairings.kind(entry)), pairings.duplicate(entry),
                pairings.candidate(entry), facts);
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
     * ({@link #emptySide()}), any outcome other than MATCHED, SOFT_MATCH_ONLY and OUT_OF_SCOPE, an admin role
     * blocking a match, or a predicted attribute deletion.
     *
     * @return true when a person must act
     */
    public boolean needsAttention() {
        Map<MatchOutcome, Long> counts = counts();
        long fine = counts.get(MatchOutcome.MATCHED) + counts.get(MatchOutcome.SOFT_MATCH_ONLY)
                + counts.get(MatchOutcome.OUT_OF_SCOPE);
        return fine != summary.total() || summary.adminRoleSoftMatches() > 0 || summary.adminRoleHardMatches() > 0
                || summary.prediction().attributeDeletions() > 0 || emptySide().isPresent();
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
                        .holdsAdminRole(f.holdsAdminRole());
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
     * Writes the summary and the findings as JSON.
     *
     * @param file the file to create or replace
     */
    public void writeJson(Path file) {
        ReportFiles.writeJson(this, file);
    }

    /**
     * Writes every finding's CSV row, in the order of {@link #findings()}. The on-prem users, nearly all the rows, go
     * from their spilled bytes straight to CSV, a block of {@link Spill#BLOCK} at a time: this thread formats the
     * even blocks into the file while a second one formats the odd blocks into memory, and each odd block is
     * appended once the even one before it is written. The other rows are written from their findings.
     */
    void writeCsvRows(ExcelSafeCsv csv) {
        FindingBuilder builder = new FindingBuilder(this);
        try (SpillReader invalid = cloudInvalid.reader()) {
            SpillEntry spilled = new SpillEntry();
            while (invalid.next(spilled)) {
                ReportFiles.row(csv, builder.fromInvalid(spilled.invalid()));
            }
        }
        int blocks = (pairings.size() + Spill.BLOCK - 1) / Spill.BLOCK;
        int columns = ReportFiles.CSV_HEADER.length;
        try (SpillReader reader = spill.reader();
                ReadAhead<ExcelSafeCsv> odd = new ReadAhead<>("report", 2, out -> {
                    FindingBuilder oddBuilder = new FindingBuilder(this);
                    try (SpillReader oddReader = spill.reader()) {
                        for (int block = 1; block < blocks; block += 2) {
                            ExcelSafeCsv rows = ExcelSafeCsv.rowsInMemory(columns);
                            writeBlock(rows, oddReader, oddBuilder, block);
                            if (!out.put(rows)) {
                                return;
                            }
                        }
                    }
                })) {
            for (int block = 0; block < blocks; block += 2) {
                writeBlock(csv, reader, builder, block);
                if (block + 1 < blocks) {
                    ExcelSafeCsv next = odd.take();
                    if (next == null) {
                        throw new IllegalStateException("The report's second thread ended before block " + (block + 1));
                    }
                    csv.append(next);
                }
            }
        }
        for (int c = 0; c < cloud.size(); c++) {
            Verdict verdict = cloudVerdict(c);
            if (verdict != null) {
                ValidationFinding row = builder.fromCloud(c, verdict);
                ReportFiles.row(csv, row, domainCell(row.cloudUserPrincipalName()));
            }
        }
    }

    /** The rows of one block of on-prem entries. */
    private void writeBlock(ExcelSafeCsv csv, SpillReader reader, FindingBuilder builder, int block) {
        reader.seekBlock(block);
        SpillEntry spilled = new SpillEntry();
        int end = Math.min(pairings.size(), (block + 1) * Spill.BLOCK);
        for (int entry = block * Spill.BLOCK; entry < end; entry++) {
            if (!reader.next(spilled)) {
                throw new IllegalStateException("The validation's temporary file ends at entry " + entry + " of "
                        + pairings.size());
            }
            if (spilled.isInvalid()) {
                ReportFiles.row(csv, builder.fromInvalid(spilled.invalid()));
            } else {
                builder.writeCsvRow(csv, entry, verdict(entry), spilled);
            }
        }
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

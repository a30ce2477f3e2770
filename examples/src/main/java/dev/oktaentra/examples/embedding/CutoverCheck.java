package dev.oktaentra.examples.embedding;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.detect.AnchorDetection;
import dev.oktaentra.core.detect.AnchorSourceDetector;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.export.CloudCsvExport;
import dev.oktaentra.core.export.OnPremCsvExport;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.report.Counts;
import dev.oktaentra.core.report.ExcelSafeCsv;
import dev.oktaentra.core.validation.StagingPrediction;
import dev.oktaentra.core.validation.Validation;
import dev.oktaentra.core.validation.ValidationFinding;
import dev.oktaentra.core.validation.ValidationReport;
import dev.oktaentra.core.validation.ValidationSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Embedding the library in in-house tooling: a job (nightly, or a gate in a change pipeline) that reads the two
 * PowerShell exports, detects the source anchor, validates every user, writes the ImmutableID fixes it can derive,
 * and decides whether the cutover may go ahead.
 *
 * <pre>{@code
 * CutoverDecision decision = CutoverCheck.of(Path.of("adusers.csv"), Path.of("entrausers.csv"))
 *         .run(Path.of("cutover-check"));
 * if (!decision.go()) {
 *     decision.blockers().forEach(ticketSystem::open);   // your own action
 * }
 * }</pre>
 *
 * The policy is this example's, not the library's: a mismatch explained by a known conversion mistake (byte order,
 * padding, URL-safe Base64, …) gets a derived fix; everything a person must judge blocks the cutover, and so does an
 * export without users (nothing disagrees with an empty side).
 */
public final class CutoverCheck {

    /** The file of derived fixes, in the output folder. */
    public static final String FIX_LIST = "immutableid-fixes.csv";

    private final Path onPremExport;
    private final Path cloudExport;

    private CutoverCheck(Path onPremExport, Path cloudExport) {
        this.onPremExport = Objects.requireNonNull(onPremExport, "onPremExport");
        this.cloudExport = Objects.requireNonNull(cloudExport, "cloudExport");
    }

    /**
     * A check of two exports.
     *
     * @param onPremExport the {@code Get-ADUser | Export-Csv} file
     * @param cloudExport the {@code Get-MgUser | Export-Csv} file
     * @return the check
     */
    public static CutoverCheck of(Path onPremExport, Path cloudExport) {
        return new CutoverCheck(onPremExport, cloudExport);
    }

    /**
     * Runs the check.
     *
     * @param outDir where to write {@value #FIX_LIST}; created if missing
     * @return the decision
     * @throws dev.oktaentra.core.export.ExportFileException when an export is not a usable CSV
     * @throws UncheckedIOException when the output cannot be written
     */
    public CutoverDecision run(Path outDir) {
        createDirectories(outDir);
        try (OnPremDirectory onPrem = OnPremCsvExport.open(onPremExport);
                CloudDirectory cloud = CloudCsvExport.open(cloudExport)) {
            AnchorDetection detection = AnchorSourceDetector.detect(onPrem, cloud);
            SourceAnchor anchor = detection.cloudAnchors() == 0 ? SourceAnchor.objectGuid()
                    : detection.winner().anchor();
            try (ValidationReport report = Validation.builder().anchor(anchor).build().run(onPrem, cloud)) {
                Path fixList = outDir.resolve(FIX_LIST);
                long fixes = writeFixes(report, fixList);
                List<String> blockers = new ArrayList<>();
                report.emptySide().ifPresent(blockers::add);   // an empty export makes everything else look fine
                blockers.addAll(blockers(report.summary(), fixes));
                return new CutoverDecision(blockers.isEmpty(), anchor.name(), detection.describe(), report.counts(),
                        blockers, fixes, fixList);
            }
        }
    }

    /**
     * A mismatch whose cause is a known mistake has an unambiguous fix: the expected ImmutableID. A differing
     * mS-DS-ConsistencyGuid has two (clear it on-prem, or take it in the cloud): a person decides.
     */
    static boolean derivable(MismatchCause cause) {
        return cause != null && cause != MismatchCause.NONE && cause != MismatchCause.UNRELATED
                && cause != MismatchCause.CONSISTENCY_GUID_DIFFERS;
    }

    private static long writeFixes(ValidationReport report, Path file) {
        long written = 0;
        try (ExcelSafeCsv csv = ExcelSafeCsv.create(file, "CloudId", "UserPrincipalName", "CurrentImmutableId",
                "ExpectedImmutableId", "Cause");
                Stream<ValidationFinding> findings = report.findings()) {
            for (ValidationFinding f : (Iterable<ValidationFinding>) findings::iterator) {
                if (f.outcome() == MatchOutcome.ANCHOR_MISMATCH && derivable(f.cause())) {
                    csv.row(f.cloudId(), f.cloudUserPrincipalName(), f.cloudImmutableId(), f.expectedImmutableId(),
                            f.cause());
                    written++;
                }
            }
        }
        return written;
    }

    private static List<String> blockers(ValidationSummary summary, long fixes) {
        List<String> blockers = new ArrayList<>();
        long mismatches = summary.counts().get(MatchOutcome.ANCHOR_MISMATCH);
        if (fixes > 0) {
            blockers.add(Counts.of(fixes, "cloud ImmutableID holds", "cloud ImmutableIDs hold")
                    + " a known conversion mistake: review and apply "
                    + FIX_LIST);
        }
        if (mismatches > fixes) {
            blockers.add(Counts.of(mismatches - fixes, "anchor mismatch", "anchor mismatches")
                    + " no known mistake explains: the cloud "
                    + "user is probably tied to another on-prem object; decide by hand");
        }
        for (MatchOutcome outcome : List.of(MatchOutcome.CUSTOM_MATCH_ONLY, MatchOutcome.HARD_MATCH_BLOCKED,
                MatchOutcome.AMBIGUOUS, MatchOutcome.DUPLICATE_ANCHOR, MatchOutcome.INVALID)) {
            long n = summary.counts().get(outcome);
            if (n > 0) {
                blockers.add(Counts.of(n, outcome + " finding", outcome + " findings") + ": see the validation report");
            }
        }
        StagingPrediction prediction = summary.prediction();
        if (prediction.orphansStillSynced() > 0) {
            blockers.add(Counts.of(prediction.orphansStillSynced(), "synced cloud user", "synced cloud users")
                    + " without an on-prem object would be left behind, read-only");
        }
        if (prediction.attributeDeletions() > 0) {
            blockers.add(Counts.of(prediction.attributeDeletions(), "user", "users") + " would lose a cloud attribute "
                    + prediction.attributeDeletionsByAttribute().keySet() + " that on-prem lacks: back-fill it");
        }
        if (prediction.attributeChanges() > 0) {
            blockers.add(Counts.of(prediction.attributeChanges(), "user", "users") + " would see the takeover change "
                    + new java.util.TreeSet<>(prediction.attributeChangesByAttribute().entrySet().stream()
                            .filter(e -> e.getValue() > 0).map(java.util.Map.Entry::getKey).toList())
                    + ": check each in the validation report");
        }
        if (summary.adminRoleSoftMatches() > 0) {
            blockers.add(Counts.of(summary.adminRoleSoftMatches(), "soft match", "soft matches")
                    + " to admins, which Entra Connect refuses: remove their roles for the matching window");
        }
        if (summary.adminRoleHardMatches() > 0) {
            blockers.add(Counts.of(summary.adminRoleHardMatches(), "hard match", "hard matches")
                    + " to admins, which Entra ID refuses too: remove their roles for the matching window");
        }
        return blockers;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the check from a shell: {@code java -cp oktaentra.jar dev.oktaentra.examples.embedding.CutoverCheck
     * adusers.csv entrausers.csv OUTDIR}. Exits 0 to go, 1 when something blocks, 2 on bad arguments.
     *
     * @param args the two exports and the output folder
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: CutoverCheck ONPREM.csv CLOUD.csv OUTDIR");
            System.exit(2);
        }
        CutoverDecision decision = of(Path.of(args[0]), Path.of(args[1])).run(Path.of(args[2]));
        System.out.println(decision.detection());
        System.out.println(decision.go() ? "GO: nothing blocks the cutover." : "NO GO:");
        decision.blockers().forEach(b -> System.out.println("  - " + b));
        System.exit(decision.go() ? 0 : 1);
    }
}

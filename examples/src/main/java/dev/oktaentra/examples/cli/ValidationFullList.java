package dev.oktaentra.examples.cli;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.report.ExcelSafeCsv;
import dev.oktaentra.core.staging.KnownUser;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The users of a compact {@code validation.json} (every finding but the clean matches) merged with the clean matches
 * of the {@code validation.csv} it names, in the report's order. The CSV has every finding in that order and the
 * JSON's findings are the others, in the same order; so each row that is not a clean match must be the JSON's next
 * finding, and a CSV of another validation is refused instead of mixing two runs. A clean match is told from its row
 * as {@code ValidationReport.writeReports} documents: Outcome {@code MATCHED} and empty Note, AdminRole,
 * PredictedAttributeDeletions, PredictedChanges, BlockedBy and UniquenessConflicts cells; cells are read back with
 * {@link ExcelSafeCsv#restore} (the CSV puts a quote before a value a spreadsheet could run).
 */
final class ValidationFullList {

    /** The columns a clean match is told and read from. */
    private static final List<String> COLUMNS = List.of("Side", "Outcome", "UserPrincipalName", "DistinguishedName",
            "ExpectedImmutableId", "CloudImmutableId", "CloudId", "CloudUserPrincipalName", "AdminRole",
            "PredictedAttributeDeletions", "PredictedChanges", "BlockedBy", "UniquenessConflicts", "Note",
            "CloudPrimarySmtpAddress");

    /**
     * A finding the JSON lists: its outcome and UPNs, to check it against its CSV row, and its known user.
     *
     * @param outcome the finding's outcome
     * @param userPrincipalName the finding's UPN, or {@code null}
     * @param user the known user, or {@code null} for an unreadable record
     */
    record Listed(String outcome, String userPrincipalName, KnownUser user) {
    }

    private ValidationFullList() {
    }

    /**
     * Merges the listed findings with the CSV's clean matches.
     *
     * @param json the compact JSON, for messages
     * @param csv the full list it names
     * @param listed the JSON's findings, in order
     * @param cleanMatches how many clean matches the JSON says the CSV has, or -1 when it does not say
     * @return the known users, in the report's order
     * @throws IllegalArgumentException naming the file and row when the CSV is missing, not a validation CSV, or
     *         not the one the JSON was written with
     */
    static List<KnownUser> merge(Path json, Path csv, List<Listed> listed, long cleanMatches) throws IOException {
        String pair = json.getFileName() + " lists every user but the clean matches, which are in " + csv;
        List<KnownUser> users = new ArrayList<>();
        Iterator<Listed> next = listed.iterator();
        long clean = 0;
        // FastCSV, the readers' own parser: RFC 4180 quoting, the report's UTF-8 byte-order mark skipped, a row with
        // fewer or more cells than the header refused (CsvParseException) rather than read short.
        try (CsvReader<NamedCsvRecord> rows = CsvReader.builder().detectBomHeader(true).ofNamedCsvRecord(csv)) {
            boolean headerChecked = false;
            for (NamedCsvRecord row : rows) {
                if (!headerChecked) {
                    List<String> missing = COLUMNS.stream().filter(c -> !row.getHeader().contains(c)).toList();
                    if (!missing.isEmpty()) {
                        throw new IllegalArgumentException(pair + "; but " + csv.getFileName() + " has no column "
                                + String.join(", ", missing) + ": give the validation.csv written with the "
                                + "validation.json by 'oktaentra validate'");
                    }
                    headerChecked = true;
                }
                String where = csv.getFileName() + ", line " + row.getStartingLineNumber();
                if (cleanMatch(row)) {
                    clean++;
                    users.add(user(row, where));
                    continue;
                }
                Listed finding = next.hasNext() ? next.next() : null;
                if (finding == null || !finding.outcome().equals(cell(row, "Outcome"))
                        || !sameUpn(finding.userPrincipalName(), row)) {
                    throw notTheSameRun(csv, json, where + " (" + cell(row, "Outcome") + " " + cell(row,
                            "UserPrincipalName") + ") is not the next user " + json.getFileName() + " lists"
                            + (finding == null ? " (it lists no more)" : " (" + finding.outcome() + " "
                            + finding.userPrincipalName() + ")"));
                }
                if (finding.user() != null) {
                    users.add(finding.user());
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(pair + ", and that file does not exist: keep the files 'oktaentra "
                    + "validate' wrote together in one folder");
        } catch (CsvParseException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(csv + " is not a readable CSV: " + e.getMessage(), e);
        }
        if (next.hasNext()) {
            throw notTheSameRun(csv, json, json.getFileName() + " lists users past the end of " + csv.getFileName());
        }
        if (cleanMatches >= 0 && clean != cleanMatches) {
            throw notTheSameRun(csv, json, csv.getFileName() + " has " + clean + " clean matches, "
                    + json.getFileName() + " says " + cleanMatches);
        }
        return users;
    }

    private static IllegalArgumentException notTheSameRun(Path csv, Path json, String why) {
        return new IllegalArgumentException(csv + " does not belong to " + json + ": " + why + ". Give the "
                + "validation.json and validation.csv that one run of 'oktaentra validate' wrote");
    }

    /** A JSON finding's UPN is its row's UserPrincipalName cell, after the formula prefix is undone. */
    private static boolean sameUpn(String upn, NamedCsvRecord row) {
        String cell = cell(row, "UserPrincipalName");
        return upn == null ? cell == null : upn.equals(cell);
    }

    private static boolean cleanMatch(NamedCsvRecord row) {
        return "MATCHED".equals(row.getField("Outcome")) && row.getField("Note").isEmpty() && row.getField("AdminRole").isEmpty()
                && row.getField("PredictedAttributeDeletions").isEmpty() && row.getField("PredictedChanges").isEmpty()
                && row.getField("BlockedBy").isEmpty() && row.getField("UniquenessConflicts").isEmpty();
    }

    /** A clean match as a known user: what ValidationReport.knownUsers() makes of its finding. */
    private static KnownUser user(NamedCsvRecord row, String where) {
        try {
            boolean onPrem = "ON_PREM".equals(cell(row, "Side"));
            return KnownUser.builder()
                    .userPrincipalName(cell(row, onPrem ? "UserPrincipalName" : "CloudUserPrincipalName"))
                    .distinguishedName(cell(row, "DistinguishedName"))
                    .primarySmtpAddress(cell(row, "CloudPrimarySmtpAddress"))
                    .cloudUserId(cell(row, "CloudId"))
                    .cloudImmutableId(anchor(row, "CloudImmutableId"))
                    .expectedImmutableId(anchor(row, "ExpectedImmutableId"))
                    .outcome("MATCHED")
                    .holdsAdminRole(false)
                    .matchBlocked(false)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static ImmutableId anchor(NamedCsvRecord row, String column) {
        String value = cell(row, column);
        return value == null ? null : ImmutableId.of(value);
    }

    /** A cell's value, the formula prefix undone; {@code null} when empty (the JSON's null). */
    private static String cell(NamedCsvRecord row, String column) {
        String cell = row.getField(column);
        return cell.isEmpty() ? null : ExcelSafeCsv.restore(cell);
    }
}

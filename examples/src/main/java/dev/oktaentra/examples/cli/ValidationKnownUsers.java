package dev.oktaentra.examples.cli;

import static dev.oktaentra.core.OktaEntraException.quote;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.staging.KnownUser;
import dev.oktaentra.core.staging.KnownUsers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The users a validation report knows, read back from the {@code validation.json} the {@code validate} command
 * writes, exactly as {@code ValidationReport.knownUsers()} builds them from the report in memory: every finding but
 * the unreadable ones, with its UPN, DN, cloud id, cloud and expected ImmutableID and outcome, and each attribute
 * the validation predicts the sync would delete recorded as known to be empty on-prem. The findings are read one at
 * a time, so a report of a million users costs only the users themselves.
 *
 * <p>A JSON with every finding ({@code "findingsIncluded": "ALL"}, or no such field, as earlier versions and
 * {@code ValidationReport.writeJson} write it) is read alone. The compact JSON of {@code validate}
 * ({@code "ALL_BUT_CLEAN_MATCHES"}) is read with the CSV it names in {@code fullListFile}
 * ({@link ValidationFullList}).
 */
final class ValidationKnownUsers {

    /** The fields of the JSON that say which findings it lists (ValidationReport.writeReports). */
    static final String FINDINGS_INCLUDED = "findingsIncluded";
    static final String ALL_BUT_CLEAN_MATCHES = "ALL_BUT_CLEAN_MATCHES";
    static final String FULL_LIST_FILE = "fullListFile";
    static final String CLEAN_MATCHES_OMITTED = "cleanMatchesOmitted";

    private ValidationKnownUsers() {
    }

    /**
     * Reads the file.
     *
     * @param file a {@code validation.json}
     * @param onPremNames the on-prem attribute of each cloud field (e.g. {@code mail} → {@code mail}); a cloud field
     *        not named here is looked up on-prem under its own name
     * @return the known users
     * @throws IllegalArgumentException naming the file and the finding when it is not a validation report
     */
    static KnownUsers read(Path file, Map<String, String> onPremNames) throws IOException {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            throw new IllegalArgumentException(file + " is a validation's full list of users; give the "
                    + "validation.json written with it, which names it and says what the CSV alone cannot (the "
                    + "attribute mappings, and each predicted attribute deletion exactly)");
        }
        List<ValidationFullList.Listed> listed = new ArrayList<>();
        boolean sawFindings = false;
        String included = null;
        String fullList = null;
        long cleanMatches = -1;
        try (InputStream in = Files.newInputStream(file); JsonParser json = JsonOption.mapper().createParser(in)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw notAReport(file, "it is not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("summary") && value == JsonToken.START_OBJECT) {
                    onPremNames = withRecordedMappings(json.readValueAsTree(), onPremNames);
                    continue;
                }
                if (field.equals(FINDINGS_INCLUDED) && value == JsonToken.VALUE_STRING) {
                    included = json.getText();
                    continue;
                }
                if (field.equals(FULL_LIST_FILE) && value == JsonToken.VALUE_STRING) {
                    fullList = json.getText();
                    continue;
                }
                if (field.equals(CLEAN_MATCHES_OMITTED) && value.isNumeric()) {
                    cleanMatches = json.getLongValue();
                    continue;
                }
                if (!field.equals("findings")) {
                    json.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw notAReport(file, "its findings are not a list");
                }
                sawFindings = true;
                int index = 0;
                for (JsonToken next = json.nextToken(); next != JsonToken.END_ARRAY; next = json.nextToken()) {
                    if (next != JsonToken.START_OBJECT) {
                        // Stopping here would read the findings before it as all there are: a silent short list.
                        throw notAReport(file, "findings[" + index + "] is not a finding but " + (next == null
                                ? "the end of the file" : quote(json.getText())));
                    }
                    JsonNode finding = json.readValueAsTree();
                    listed.add(new ValidationFullList.Listed(text(finding, "outcome"),
                            text(finding, "userPrincipalName"), user(file, index++, finding, onPremNames)));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON at line " + e.getLocation().getLineNr()
                    + ": " + e.getOriginalMessage().lines().findFirst().orElse("") + ". Give the validation.json "
                    + "written by 'oktaentra validate'");
        }
        if (!sawFindings) {
            throw notAReport(file, "it has no findings list");
        }
        if (included == null || included.equals("ALL")) {
            return KnownUsers.of(listed.stream().map(ValidationFullList.Listed::user).filter(u -> u != null).toList());
        }
        if (!included.equals(ALL_BUT_CLEAN_MATCHES) || fullList == null) {
            throw notAReport(file, included.equals(ALL_BUT_CLEAN_MATCHES) ? "it names no " + FULL_LIST_FILE
                    : quote(included) + " is not a findingsIncluded this version knows");
        }
        Path folder = file.toAbsolutePath().getParent();
        return KnownUsers.of(ValidationFullList.merge(file, folder.resolve(fullList), listed, cleanMatches));
    }

    /** One finding as a known user; {@code null} for an unreadable record, which identifies nobody. */
    private static KnownUser user(Path file, int index, JsonNode f, Map<String, String> onPremNames) {
        String where = file.getFileName() + ", findings[" + index + "]";
        MatchOutcome outcome;
        try {
            outcome = MatchOutcome.valueOf(text(f, "outcome"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(where + ": " + quote(text(f, "outcome")) + " is not an outcome; give "
                    + "the validation.json written by 'oktaentra validate'");
        }
        if (outcome == MatchOutcome.INVALID) {
            return null;
        }
        boolean onPremSide = "ON_PREM".equals(text(f, "side"));
        try {
            KnownUser.Builder user = KnownUser.builder()
                    .userPrincipalName(text(f, onPremSide ? "userPrincipalName" : "cloudUserPrincipalName"))
                    .distinguishedName(text(f, "distinguishedName"))
                    .primarySmtpAddress(text(f, "cloudPrimarySmtpAddress"))
                    .cloudUserId(text(f, "cloudId"))
                    .cloudImmutableId(anchor(f, "cloudImmutableId"))
                    .expectedImmutableId(anchor(f, "expectedImmutableId"))
                    .outcome(outcome.name())
                    .holdsAdminRole(f.path("holdsAdminRole").asBoolean(false))
                    .matchBlocked(outcome != MatchOutcome.ANCHOR_MISMATCH && f.path("blockReasons").isArray()
                            && !f.path("blockReasons").isEmpty());
            JsonNode deletions = f.get("attributeDeletions");
            if (deletions != null && deletions.isObject()) {
                for (Iterator<String> names = deletions.fieldNames(); names.hasNext(); ) {
                    String cloudField = names.next();
                    user.onPremises(onPremNames.getOrDefault(cloudField, cloudField));
                }
            }
            return user.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** The mappings the validation recorded, under the ones given on the command line (which win). */
    private static Map<String, String> withRecordedMappings(JsonNode summary, Map<String, String> given) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        JsonNode recorded = summary.get("attributeMappings");
        if (recorded != null && recorded.isArray()) {
            recorded.forEach(m -> {
                String cloudField = text(m, "cloudField");
                String onPrem = text(m, "onPremAttribute");
                if (cloudField != null && onPrem != null) {
                    names.put(cloudField, onPrem);
                }
            });
        }
        names.putAll(given);
        return names;
    }

    private static ImmutableId anchor(JsonNode f, String field) {
        String value = text(f, field);
        return value == null ? null : ImmutableId.of(value);
    }

    private static String text(JsonNode f, String field) {
        JsonNode value = f.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static IllegalArgumentException notAReport(Path file, String why) {
        return new IllegalArgumentException(file + " is not a validation report (" + why + "); give the "
                + "validation.json written by 'oktaentra validate'");
    }
}

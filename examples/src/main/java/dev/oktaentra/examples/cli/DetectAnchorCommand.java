package dev.oktaentra.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.detect.AnchorCandidate;
import dev.oktaentra.core.detect.AnchorDetection;
import dev.oktaentra.core.detect.AnchorSourceDetector;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.report.Counts;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code detect-anchor}: which on-prem attribute Okta put into the cloud's ImmutableIDs. Exit 1 when the best
 * attribute does not explain every cloud ImmutableID, because those users need a look before the cutover.
 */
@Command(name = "detect-anchor", sortOptions = false,
        description = {"Finds which on-premises attribute Okta put into the Entra ImmutableIDs (objectGUID, "
                + "mS-DS-ConsistencyGuid or another attribute), and diagnoses the ImmutableIDs it does not explain."},
        footer = {"", "Exit code 1 when the best attribute leaves some cloud ImmutableIDs unexplained.",
            "Example:", "  oktaentra detect-anchor --onprem adusers.csv --cloud entrausers.csv"})
final class DetectAnchorCommand extends CliCommand {

    @Mixin
    ExportFiles files;

    @Mixin
    JsonOption json;

    @Override
    Exit execute() throws Exception {
        AnchorDetection detection;
        try (OnPremDirectory onPrem = files.openOnPrem(); CloudDirectory cloud = files.openCloud()) {
            detection = AnchorSourceDetector.detect(onPrem, cloud);
        }
        if (json.enabled) {
            printJson(detection);
        } else {
            printText(detection);
        }
        boolean unexplained = detection.cloudAnchors() > 0
                && detection.winner().explained() < detection.cloudAnchors();
        return unexplained ? Exit.ATTENTION : Exit.CLEAN;
    }

    private void printText(AnchorDetection detection) {
        out().println(detection.describe());
        if (detection.cloudAnchors() == 0) {
            return;
        }
        out().println();
        TextTable table = TextTable.of(false, true, true).row("candidate", "explains", "share");
        long silent = 0;
        for (AnchorCandidate candidate : detection.ranking()) {
            if (candidate.explained() == 0) {
                silent++;
            } else {
                table.row("--anchor " + candidate.anchor().name(), candidate.explained(), percent(candidate));
            }
        }
        table.print(out(), "  ");
        if (silent > 0) {
            out().println("  (" + Counts.of(silent, "other candidate explains", "other candidates explain")
                    + " none)");
        }
    }

    private void printJson(AnchorDetection detection) throws Exception {
        ObjectNode root = JsonOption.mapper().createObjectNode();
        root.put("description", detection.describe());
        root.put("cloudAnchors", detection.cloudAnchors());
        root.put("winner", detection.cloudAnchors() == 0 ? null : detection.winner().anchor().name());
        ArrayNode ranking = root.putArray("ranking");
        for (AnchorCandidate candidate : detection.ranking()) {
            ranking.addObject().put("anchor", candidate.anchor().name()).put("explained", candidate.explained())
                    .put("coverage", candidate.coverage());
        }
        ObjectNode rest = root.putObject("unexplainedByCause");
        detection.rest().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> rest.put(e.getKey().name(), e.getValue()));
        root.put("unmatched", detection.unmatched());
        root.put("consistencyGuidDiffers", detection.consistencyGuidDiffers());
        JsonOption.print(out(), root);
    }

    private static String percent(AnchorCandidate candidate) {
        return String.format(Locale.ROOT, "%.1f%%", candidate.coverage() * 100);
    }
}

package dev.oktaentra.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.anchor.AnchorConversion;
import dev.oktaentra.core.anchor.AnchorFormat;
import dev.oktaentra.core.anchor.Anchors;
import dev.oktaentra.core.anchor.InvalidAnchorException;
import dev.oktaentra.core.match.SourceAnchor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code convert VALUE…}: every form of each anchor. Either every value converts and all are printed, or nothing is
 * printed on stdout and each value that cannot be read gets one error line (exit 2), so that a script never takes
 * a partial answer for a whole one.
 */
@Command(name = "convert", sortOptions = false,
        description = {"Shows every form of each anchor: objectGUID, ImmutableID, hex, LDAP filter value and "
                + "connector-space DN.",
            "A VALUE may be in any of those forms, or a string anchor such as an employeeID."},
        footer = {"", "32 bare hex digits are read as GUID text (.NET \"N\" format), with a warning; write stored bytes "
                + "as 0x followed by the digits.",
            "", "Examples:", "  oktaentra convert 3ab39606-c642-489b-84b6-58c038d3ef39",
            "  oktaentra convert --json BpazOkLGm0iEtljAONPvOQ== E12345"})
final class ConvertCommand extends CliCommand {

    private static final String AS_STRING_HINT = " (use --as-string if it really is a string anchor)";
    /** How core ends a near miss's message for library callers; here {@link #AS_STRING_HINT} says it instead. */
    private static final String LIBRARY_HINT =
            "; if it really is a string anchor, read it with AnchorConversion.ofStringAnchor";

    @Parameters(arity = "1..*", paramLabel = "VALUE", description = "The anchors to convert.")
    List<String> values;

    @Option(names = "--as-string",
            description = "Accept values that look like a mistyped GUID, hex or ImmutableID as string anchors.")
    boolean asString;

    @Mixin
    JsonOption json;

    @Override
    Exit execute() throws Exception {
        List<AnchorConversion> converted = new ArrayList<>();
        boolean failed = false;
        for (String value : values) {
            try {
                AnchorConversion forms = asString ? AnchorConversion.ofStringAnchor(value) : Anchors.convert(value);
                Optional<String> nearMiss = forms.format() == AnchorFormat.STRING && !asString
                        ? NearMiss.explain(value) : Optional.empty();
                if (nearMiss.isPresent()) {
                    error(nearMiss.get() + AS_STRING_HINT);
                    failed = true;
                } else {
                    converted.add(forms);
                }
            } catch (InvalidAnchorException e) {
                // Core refuses texts that are neither a binary form nor a valid string anchor; say how to insist.
                String message = e.getMessage();
                if (message.endsWith(LIBRARY_HINT)) {
                    message = message.substring(0, message.length() - LIBRARY_HINT.length());
                }
                boolean couldBeString = message.startsWith("Not an anchor") || message.startsWith("Not a GUID");
                error(message + (couldBeString ? AS_STRING_HINT : ""));
                failed = true;
            }
        }
        if (failed) {
            return Exit.INPUT_ERROR;
        }
        if (json.enabled) {
            printJson(converted);
        } else {
            printTables(converted);
        }
        return Exit.CLEAN;
    }

    private void printJson(List<AnchorConversion> converted) throws Exception {
        ArrayNode array = JsonOption.mapper().createArrayNode();
        for (AnchorConversion forms : converted) {
            ObjectNode node = array.addObject();
            node.put("input", forms.input());
            node.put("format", forms.format().name());
            node.put("objectGuid", forms.objectGuid() == null ? null : forms.objectGuid().toString());
            node.put("immutableId", forms.immutableId() == null ? null : forms.immutableId().value());
            node.put("hex", forms.hex());
            node.put("ldapFilterValue", forms.ldapFilterValue());
            node.put("connectorSpaceDn", forms.connectorSpaceDn());
            ArrayNode warnings = node.putArray("warnings");
            forms.warnings().forEach(warnings::add);
        }
        JsonOption.print(out(), array);
    }

    private void printTables(List<AnchorConversion> converted) {
        for (int i = 0; i < converted.size(); i++) {
            AnchorConversion forms = converted.get(i);
            if (i > 0) {
                out().println();
            }
            TextTable table = TextTable.of(false, false)
                    .row("input", forms.input())
                    .row("read as", forms.format())
                    .row(SourceAnchor.OBJECT_GUID, forms.objectGuid())
                    .row("ImmutableID", forms.immutableId() == null ? null : forms.immutableId().value())
                    .row("hex (AD byte order)", forms.hex())
                    .row("LDAP filter value", forms.ldapFilterValue())
                    .row("connector-space DN", forms.connectorSpaceDn());
            forms.warnings().forEach(warning -> table.row("warning", warning));
            table.print(out(), "");
        }
    }
}

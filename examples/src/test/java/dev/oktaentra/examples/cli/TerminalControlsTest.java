package dev.oktaentra.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Directory values are attacker-controlled text, and the CLI prints some of them (a DN, a UPN, a before-value): an
 * escape sequence planted in one must reach the admin's terminal as visible text, not as a command to it (clear the
 * screen, retitle the window, a disguised hyperlink, or on some terminals write the clipboard).
 */
class TerminalControlsTest {

    /** ESC-led CSI and OSC 8 (hyperlink), BEL, and the single-character C1 CSI (U+009B). */
    private static final String PLANTED = "evil\u001b[2J\u001b]8;;http://x\u0007click\u001b]8;;\u0007\u009b31m";

    @TempDir
    Path dir;

    @Test
    void stagingReport_printsAPlantedEscapeSequenceAsText() throws Exception {
        Path export = Files.writeString(dir.resolve("export.csv"), """
                DN,OMODT,Object Type,Attribute Name,AMODT,Old Value,New Value
                "CN=%s,OU=Staff,DC=contoso,DC=com",Update,user,mail,Delete,a@contoso.com,
                """.formatted(PLANTED));

        CliResult result = CliResult.run("staging-report", export.toString(), "--out", dir.resolve("r").toString());

        assertThat(result.exit()).as(result.err()).isIn(0, 1);
        assertThat(result.out()).contains("CN=evil\\u001b[2J\\u001b]8;;http://x\\u0007click")
                .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b");
    }

    @Test
    void stagingReport_printsACarriageReturnPlantedInAValueAsText() throws Exception {
        // A bare CR sends the cursor back to the line's start: what follows it in the value would be printed over the
        // start of the finding, so a DN could show as another user's.
        Path export = Files.writeString(dir.resolve("export.csv"), """
                DN,OMODT,Object Type,Attribute Name,AMODT,Old Value,New Value
                "CN=evil\rCN=Jane Admin,OU=Staff,DC=contoso,DC=com",Update,user,mail,Delete,a@contoso.com,
                """);

        CliResult result = CliResult.run("staging-report", export.toString(), "--out", dir.resolve("r").toString());

        assertThat(result.exit()).as(result.err()).isIn(0, 1);
        assertThat(result.out()).contains("CN=evil\\u000dCN=Jane Admin").doesNotContain("evil\r");
    }

    @Test
    void terminalTextForLines_escapesACarriageReturnThatEndsNoLine_evenAcrossWrites() {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(TerminalText.lines(text))) {
            out.print("a\r\nb\rc\r");
            out.print("\nd\r");
            out.print("e\r");
        }

        assertThat(text.toString()).isEqualTo("a\r\nb\\u000dc\r\nd\\u000de\\u000d");
    }

    @Test
    void terminalText_escapesControlsButKeepsLinesTabsAndText() {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(TerminalText.of(text))) {
            out.print("a\tb\r\nc\n\u001b[2J\u0000\u007f\u0085\u009b é 😀 ");
            out.write(PLANTED.toCharArray(), 4, 2);
        }

        assertThat(text.toString()).isEqualTo("a\tb\r\nc\n\\u001b[2J\\u0000\\u007f\\u0085\\u009b é 😀 \\u001b[");
    }
}

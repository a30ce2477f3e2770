package dev.oktaentra.core.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a PowerShell-style export the way a given PowerShell version and -Encoding would. */
final class ExportFile {

    private final List<String> lines = new ArrayList<>();
    private Charset charset = StandardCharsets.UTF_8;
    private boolean bom;
    private String newline = "\r\n";

    static ExportFile lines(String... lines) {
        ExportFile file = new ExportFile();
        file.lines.addAll(List.of(lines));
        return file;
    }

    /** Windows PowerShell 5.1 without -NoTypeInformation. */
    ExportFile withTypeLine() {
        lines.add(0, "#TYPE Selected.Microsoft.ActiveDirectory.Management.ADUser");
        return this;
    }

    ExportFile utf8Bom() {
        charset = StandardCharsets.UTF_8;
        bom = true;
        return this;
    }

    ExportFile utf16le() {
        charset = StandardCharsets.UTF_16LE;
        bom = true;
        return this;
    }

    ExportFile utf16be() {
        charset = StandardCharsets.UTF_16BE;
        bom = true;
        return this;
    }

    ExportFile ascii() {
        charset = StandardCharsets.US_ASCII;
        return this;
    }

    ExportFile lf() {
        newline = "\n";
        return this;
    }

    /** Classic Mac OS line ends, which some tools still write. */
    ExportFile cr() {
        newline = "\r";
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] text = (String.join(newline, lines) + newline).getBytes(charset);
        if (bom) {
            out.writeBytes("\ufeff".getBytes(charset));
        }
        out.writeBytes(text);
        return out.toByteArray();
    }

    Path writeTo(Path dir, String name) throws IOException {
        return Files.write(dir.resolve(name), bytes());
    }
}

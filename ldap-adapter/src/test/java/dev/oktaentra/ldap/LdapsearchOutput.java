package dev.oktaentra.ldap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads values exactly as OpenLDAP's {@code ldapsearch} printed them, without an LDIF library: a test's oracle must
 * not share code with what it checks. Folded lines (a leading space continues the line before) are joined; records
 * are separated by blank lines; comment lines are skipped.
 */
final class LdapsearchOutput {

    private LdapsearchOutput() {
    }

    /**
     * The Base64 text {@code ldapsearch} printed for each entry's objectGUID ({@code objectGUID:: …}), by
     * sAMAccountName; computers ({@code name$}) left out.
     */
    static Map<String, String> base64ObjectGuids(Path ldif) {
        Map<String, String> guids = new HashMap<>();
        for (List<String> record : records(ldif)) {
            String sam = null;
            String guid = null;
            for (String line : record) {
                if (line.startsWith("sAMAccountName: ")) {
                    sam = line.substring("sAMAccountName: ".length()).toLowerCase(Locale.ROOT);
                } else if (line.startsWith("objectGUID:: ")) {
                    guid = line.substring("objectGUID:: ".length());
                }
            }
            if (sam != null && guid != null && !sam.endsWith("$")) {
                guids.put(sam, guid);
            }
        }
        return guids;
    }

    private static List<List<String>> records(Path ldif) {
        List<String> lines;
        try {
            lines = Files.readAllLines(ldif, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> records = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    records.add(current);
                    current = new ArrayList<>();
                }
            } else if (line.startsWith(" ") && !current.isEmpty()) {
                current.set(current.size() - 1, current.get(current.size() - 1) + line.substring(1));
            } else if (!line.startsWith("#")) {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            records.add(current);
        }
        return records;
    }
}

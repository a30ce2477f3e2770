package dev.oktaentra.ldap.testing;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The domain controller's own command-line tools, for oracles no code in this project wrote: Samba's
 * {@code ldbsearch} and {@code samba-tool}, which print an objectGUID as GUID text, and OpenLDAP's
 * {@code ldapsearch}, the standard way to export LDIF from a directory that is not Windows. The password reaches
 * {@code ldapsearch} through its file ({@code -y}), never a command line.
 */
public final class SambaTools {

    private static final long TIMEOUT_SECONDS = 300;

    private final Path smbConf;
    private final Path samLdb;
    private final String url;
    private final String bindDn;
    private final Path passwordFile;
    private final Path caFile;

    SambaTools(Path smbConf, Path samLdb, String url, String bindDn, Path passwordFile, Path caFile) {
        this.smbConf = smbConf;
        this.samLdb = samLdb;
        this.url = url;
        this.bindDn = bindDn;
        this.passwordFile = passwordFile;
        this.caFile = caFile;
    }

    /**
     * The objectGUID text Samba's {@code ldbsearch} prints for every user and computer under a base, read from the
     * DC's database file.
     *
     * @param base the subtree
     * @return sAMAccountName (lower case) to GUID text, e.g. {@code 57e3ba95-15ee-4bf2-82af-1f062c4da194}
     */
    public Map<String, String> ldbsearchGuidText(String base) {
        byte[] out = run(List.of("ldbsearch", "-H", samLdb.toString(), "-b", base, "(objectClass=user)",
                "sAMAccountName", "objectGUID"));
        Map<String, String> guids = new LinkedHashMap<>();
        for (Entry entry : parse(out, "ldbsearch")) {
            String sam = entry.getAttributeValue("sAMAccountName");
            if (sam != null) {
                guids.put(sam.toLowerCase(Locale.ROOT), entry.getAttributeValue("objectGUID"));
            }
        }
        return guids;
    }

    /**
     * The objectGUID text {@code samba-tool user show} prints for one user.
     *
     * @param samAccountName the user
     * @return the GUID text
     */
    public String sambaToolGuidText(String samAccountName) {
        byte[] out = run(List.of("samba-tool", "user", "show", samAccountName, "--attributes=objectGUID",
                "-s", smbConf.toString()));
        List<Entry> entries = parse(out, "samba-tool user show");
        if (entries.size() != 1 || entries.get(0).getAttributeValue("objectGUID") == null) {
            throw new IllegalStateException("samba-tool user show " + samAccountName + " printed no objectGUID:\n"
                    + new String(out, StandardCharsets.UTF_8));
        }
        return entries.get(0).getAttributeValue("objectGUID");
    }

    /**
     * Exports users as an admin would from a non-Windows machine: OpenLDAP's {@code ldapsearch} over LDAPS, the CA
     * checked, paged ({@code -E pr=1000/noprompt}, as AD needs beyond 1,000 results), with the attributes the
     * adapter reads.
     *
     * @param base the subtree
     * @param file where the LDIF goes
     * @return the file
     */
    public Path ldapsearchExport(String base, Path file) {
        // 127.0.0.1: OpenLDAP's client checks the certificate against the name the address resolves back to.
        String address = url.replace("//localhost", "//127.0.0.1");
        List<String> command = List.of("ldapsearch", "-LLL", "-x", "-o", "nettimeout=30", "-H", address,
                "-D", bindDn, "-y", passwordFile.toString(), "-E", "pr=1000/noprompt", "-b", base,
                "(objectClass=user)", "objectClass", "objectGUID", "mS-DS-ConsistencyGuid", "userPrincipalName",
                "sAMAccountName", "mail", "proxyAddresses", "employeeID", "displayName", "isCriticalSystemObject",
                "mailNickname", "msExchRecipientTypeDetails");
        byte[] out = run(command);
        try {
            return Files.write(file, out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    private byte[] run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("LDAPTLS_CACERT", caFile.toString());
            Path errors = Files.createTempFile("oktaentra-samba-tool-", ".err");
            try {
                Process process = builder.redirectError(errors.toFile()).start();
                process.getOutputStream().close();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command.get(0) + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                            + ": " + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return out;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " (is Samba installed? `.ci/samba-ad"
                    + " start` installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static List<Entry> parse(byte[] ldif, String tool) {
        List<Entry> entries = new ArrayList<>();
        try (LDIFReader reader = new LDIFReader(new ByteArrayInputStream(ldif))) {
            while (true) {
                try {
                    Entry entry = reader.readEntry();
                    if (entry == null) {
                        return entries;
                    }
                    entries.add(entry);
                } catch (LDIFException e) {
                    // ldbsearch prints continuation references as records of their own: "ref: ldap:///CN=…".
                    List<String> lines = e.getDataLines();
                    if (!e.mayContinueReading() || lines == null || lines.isEmpty() || !lines.get(0).startsWith("ref:")) {
                        throw e;
                    }
                }
            }
        } catch (IOException | LDIFException e) {
            throw new IllegalStateException("cannot read the LDIF " + tool + " printed: " + e.getMessage(), e);
        }
    }
}

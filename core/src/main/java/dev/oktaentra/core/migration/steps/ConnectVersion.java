package dev.oktaentra.core.migration.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Entra Connect build an operator states in a confirmation, and the minimum in force.
 *
 * <p>Microsoft Learn, "Security hardening to the autoupgrade process for Microsoft Entra Connect and Microsoft Entra
 * Connect Health" (https://learn.microsoft.com/entra/identity/hybrid/connect/security-updates-pks, read from a stored
 * copy of the rendered page dated 17 September 2025): "All synchronization services in Microsoft Entra Connect Sync
 * will stop working on September 30, 2026 if you're not on at least version 2.5.79.0" and "Microsoft Entra Connect:
 * 2.5.79.0 or higher". Microsoft Graph exposes no sync client version ({@code organization} and
 * {@code onPremisesDirectorySynchronization} carry none in Graph v1.0), so the version can only be read on the
 * server (Help, or the product version of {@code AzureADConnect.exe}) and stated by the person who installed it.
 */
final class ConnectVersion {

    /** The minimum build, in force since 30 September 2026. */
    static final String MINIMUM = "2.5.79.0";

    private static final Pattern VERSION = Pattern.compile("(?<![\\d.])(\\d{1,5})\\.(\\d{1,5})\\.(\\d{1,5})\\.(\\d{1,5})"
            + "(?![\\d.]*\\d)");

    private ConnectVersion() {
    }

    /**
     * The one four-part version in a text, e.g. {@code 2.5.190.0} in {@code "Entra Connect 2.5.190.0 installed"}.
     *
     * @param text the operator's note, or {@code null}
     * @return the versions found, in order, each once
     */
    static List<String> in(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = VERSION.matcher(text);
        while (m.find()) {
            if (!found.contains(m.group())) {
                found.add(m.group());
            }
        }
        return found;
    }

    /**
     * Whether a version is the minimum or later.
     *
     * @param version a four-part version
     * @return true when at least {@link #MINIMUM}
     */
    static boolean atLeastMinimum(String version) {
        return compare(version, MINIMUM) >= 0;
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 4; i++) {
            int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}

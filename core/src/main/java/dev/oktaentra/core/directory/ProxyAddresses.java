package dev.oktaentra.core.directory;

import java.util.List;

/** Reading Exchange {@code proxyAddresses}: {@code SMTP:} (upper case) is the primary address, {@code smtp:} others. */
public final class ProxyAddresses {

    private ProxyAddresses() {
    }

    /**
     * The primary SMTP address among proxy addresses; only the upper-case {@code SMTP:} prefix marks it, which is
     * also the only value Entra's soft match evaluates.
     *
     * @param proxyAddresses the values
     * @return the address without its prefix, or {@code null}
     */
    public static String primarySmtp(List<String> proxyAddresses) {
        for (String address : proxyAddresses) {
            if (address.startsWith("SMTP:") && address.length() > 5) {
                return address.substring(5);
            }
        }
        return null;
    }
}

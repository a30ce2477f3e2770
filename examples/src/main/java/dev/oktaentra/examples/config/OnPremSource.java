package dev.oktaentra.examples.config;

import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.export.OnPremCsvExport;
import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.ldap.LdapDirectory;
import dev.oktaentra.ldap.LdapSettings;
import dev.oktaentra.ldap.LdifDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code onPrem}: Active Directory over LDAP (one object per domain, or an array), or a read-only export: the CSV of
 * {@code Get-ADUser | Export-Csv} or an {@code ldifde} file.
 */
final class OnPremSource {

    private final List<LdapSource> domains;
    private final Path csv;
    private final Path ldif;
    private final List<String> ldifAttributes;

    private OnPremSource(List<LdapSource> domains, Path csv, Path ldif, List<String> ldifAttributes) {
        this.domains = domains;
        this.csv = csv;
        this.ldif = ldif;
        this.ldifAttributes = ldifAttributes;
    }

    static OnPremSource from(JsonSettings json) {
        json.allow("ldap", "csv", "ldif", "extraAttributes").checkKeys();
        List<LdapSource> domains = json.objects("ldap").stream().map(LdapSource::from).toList();
        Path csv = json.optPath("csv").orElse(null);
        Path ldif = json.optPath("ldif").orElse(null);
        int given = (domains.isEmpty() ? 0 : 1) + (csv == null ? 0 : 1) + (ldif == null ? 0 : 1);
        if (given != 1) {
            throw json.error("give exactly one of ldap (Active Directory), csv (a Get-ADUser export) or ldif "
                    + "(an ldifde export)");
        }
        if (json.has("extraAttributes") && ldif == null) {
            throw json.error("extraAttributes", "belongs inside ldap; here it applies to an ldif file only");
        }
        return new OnPremSource(domains, csv, ldif, json.strings("extraAttributes"));
    }

    /** What the migration reads on-prem, e.g. {@code LDAP dc1.contoso.com:636} or {@code CSV adusers.csv}. */
    String describe() {
        if (!domains.isEmpty()) {
            return "LDAP " + String.join(", ", domains.stream().map(LdapSource::describe).toList());
        }
        return csv != null ? "CSV " + csv + " (read-only)" : "LDIF " + ldif + " (read-only)";
    }

    /** Opens the directory and, for LDAP, its writer; the secrets are read now and wiped once used. */
    Opened open(Secrets secrets) {
        if (csv != null) {
            return new Opened(OnPremCsvExport.open(csv), null);
        }
        if (ldif != null) {
            return new Opened(LdifDirectory.open(ldif, ldifAttributes), null);
        }
        List<LdapSettings> settings = new ArrayList<>();
        for (LdapSource domain : domains) {
            settings.add(domain.settings(secrets));
        }
        LdapDirectory directory = LdapDirectory.connect(settings);
        return new Opened(directory, directory.writer());
    }

    /** An open directory and its writer ({@code null} for exports). */
    record Opened(OnPremDirectory directory, DirectoryWriter writer) {
    }

    /** One domain's {@code ldap} object. */
    static final class LdapSource {
        private final JsonSettings json;
        private final String bind;
        private final String passwordVariable;
        private final String storePasswordVariable;
        private final String describe;

        private LdapSource(JsonSettings json, String bind, String passwordVariable, String storePasswordVariable,
                String describe) {
            this.json = json;
            this.bind = bind;
            this.passwordVariable = passwordVariable;
            this.storePasswordVariable = storePasswordVariable;
            this.describe = describe;
        }

        static LdapSource from(JsonSettings json) {
            json.allow("host", "port", "security", "trustStore", "trustStoreType", "trustStorePasswordEnv", "bind",
                    "passwordEnv", "searchBases", "userFilter", "pageSize", "poolSize", "extraAttributes",
                    "backFillAttributes", "domain").checkKeys();
            String bind = json.string("bind");
            String passwordVariable = json.variable("passwordEnv");
            String storePasswordVariable = json.optVariable("trustStorePasswordEnv").orElse(null);
            if (json.strings("searchBases").isEmpty()) {
                throw json.error("searchBases", "is required: the OUs selected for sync, e.g. "
                        + "[\"OU=Staff,DC=contoso,DC=com\"]");
            }
            LdapSource source = new LdapSource(json, bind, passwordVariable, storePasswordVariable, null);
            // Check every setting now, with stand-in secrets, so a mistake shows before anyone is asked for one.
            Secret standIn = Secret.of("unused");
            LdapSettings checked = source.build(standIn, storePasswordVariable == null ? null : standIn);
            return new LdapSource(json, bind, passwordVariable, storePasswordVariable,
                    checked.host() + ":" + checked.port() + " (" + checked.security() + ")");
        }

        String describe() {
            return describe;
        }

        LdapSettings settings(Secrets secrets) {
            Secret password = secrets.secret(passwordVariable, "the LDAP password of " + bind);
            Secret storePassword = storePasswordVariable == null ? null
                    : secrets.secret(storePasswordVariable, "the password of the trust store "
                            + json.path("trustStore").getFileName());
            return build(password, storePassword);
        }

        private LdapSettings build(Secret password, Secret storePassword) {
            try {
                LdapSettings.Builder b = LdapSettings.builder().host(json.string("host"));
                String security = json.optChoice("security", "ldaps", "startTls", "plaintext").orElse("ldaps");
                switch (security) {
                    case "startTls" -> b.startTls();
                    case "plaintext" -> b.allowPlaintextOnLoopback();
                    default -> b.ldaps();
                }
                json.optLong("port", 1, 65_535).ifPresent(p -> b.port(p.intValue()));
                json.optPath("trustStore").ifPresent(store -> b.trustStore(store, storePassword,
                        json.optString("trustStoreType").orElse(LdapSettings.DEFAULT_TRUST_STORE_TYPE)));
                if (json.has("trustStorePasswordEnv") && !json.has("trustStore")) {
                    throw json.error("trustStorePasswordEnv", "needs trustStore, the file it opens");
                }
                b.bind(bind, password);
                b.searchBases(json.strings("searchBases"));
                json.optString("userFilter").ifPresent(b::userFilter);
                json.optLong("pageSize", 1, LdapSettings.MAX_PAGE_SIZE).ifPresent(n -> b.pageSize(n.intValue()));
                json.optLong("poolSize", 1, LdapSettings.MAX_POOL_SIZE).ifPresent(n -> b.poolSize(n.intValue()));
                b.extraAttributes(json.strings("extraAttributes").toArray(String[]::new));
                if (json.has("backFillAttributes")) {
                    b.backFillAttributes(json.strings("backFillAttributes").toArray(String[]::new));
                }
                json.optString("domain").ifPresent(b::domain);
                return b.build();
            } catch (ConfigurationException e) {
                // The adapter's messages name the value, never the password.
                throw json.error(e.getMessage());
            }
        }
    }
}

package dev.oktaentra.ldap.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.HexFormat;

/**
 * A CA's PEM file (what AD CS or {@code openssl} hands out) turned into the PKCS#12 trust store that
 * {@code LdapSettings.trustStore} reads: a temporary file holding only those certificates, deleted when the JVM
 * exits.
 *
 * @param file the trust store
 * @param passwordText its password (random, not a secret worth keeping)
 */
public record PemTrustStore(Path file, String passwordText) {

    /** The trust store's format. */
    public static final String TYPE = "PKCS12";

    /**
     * Reads every certificate in a PEM (or DER) file into a new trust store.
     *
     * @param pem the CA file
     * @return the trust store
     * @throws IllegalStateException when the file cannot be read or holds no certificate
     */
    public static PemTrustStore of(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalStateException("CA file " + pem + " holds no certificate");
            }
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Path file = Files.createTempFile("oktaentra-real-ad-trust-", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return new PemTrustStore(file, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("CA file " + pem + " cannot be read as PEM certificates: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The trust store's password.
     *
     * @return the password (a new array)
     */
    public char[] password() {
        return passwordText.toCharArray();
    }
}

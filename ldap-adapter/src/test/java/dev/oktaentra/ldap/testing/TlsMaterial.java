package dev.oktaentra.ldap.testing;

import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A throw-away self-signed server certificate whose subject alternative names are the given host names and
 * addresses, in a PKCS#12 key store for the server, and a PKCS#12 trust store holding only that certificate for
 * clients. Generated with UnboundID's {@code manage-certificates} tool, run in-process.
 *
 * @param keyStore the server's key store
 * @param keyStorePassword its password
 * @param trustStore the clients' trust store
 * @param trustStorePassword its password
 */
record TlsMaterial(Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword) {

    static final String ALIAS = "server";
    static final String TYPE = "PKCS12";

    static TlsMaterial generate(Path directory, List<String> hostNames) {
        String password = randomPassword();
        Path keyStore = directory.resolve("server-keystore.p12");
        Path trustStore = directory.resolve("client-truststore.p12");
        List<String> args = new ArrayList<>(List.of("generate-self-signed-certificate",
                "--keystore", keyStore.toString(), "--keystore-password", password, "--keystore-type", TYPE,
                "--alias", ALIAS, "--subject-dn", "CN=" + hostNames.get(0) + ",O=oktaentra in-memory AD",
                "--days-valid", "30", "--key-algorithm", "EC", "--key-size-bits", "256",
                "--signature-algorithm", "SHA256withECDSA", "--extended-key-usage", "server-auth"));
        for (String name : hostNames) {
            args.add(isAddress(name) ? "--subject-alternative-name-ip-address" : "--subject-alternative-name-dns");
            args.add(name);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ResultCode result = ManageCertificates.main(InputStream.nullInputStream(), output, output,
                args.toArray(String[]::new));
        if (result != ResultCode.SUCCESS) {
            throw new IllegalStateException("manage-certificates failed (" + result + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
        try {
            KeyStore keys = KeyStore.getInstance(TYPE);
            try (InputStream in = Files.newInputStream(keyStore)) {
                keys.load(in, password.toCharArray());
            }
            Certificate certificate = keys.getCertificate(ALIAS);
            KeyStore trusted = KeyStore.getInstance(TYPE);
            trusted.load(null, null);
            trusted.setCertificateEntry("in-memory-ad", certificate);
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trusted.store(out, password.toCharArray());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store " + trustStore, e);
        }
        return new TlsMaterial(keyStore, password.toCharArray(), trustStore, password.toCharArray());
    }

    private static boolean isAddress(String name) {
        return name.indexOf(':') >= 0 || name.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

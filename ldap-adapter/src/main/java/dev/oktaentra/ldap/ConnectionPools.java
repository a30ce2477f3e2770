package dev.oktaentra.ldap;

import static dev.oktaentra.core.OktaEntraException.quote;

import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.PasswordProvider;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import dev.oktaentra.core.settings.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import javax.net.ssl.TrustManager;

/** Builds the connection pool for one {@link LdapSettings}: TLS, host-name verification, timeouts and the bind. */
final class ConnectionPools {

    private ConnectionPools() {
    }

    /**
     * The bind password for the pool's life: the pool binds every connection it opens with it, the first and each
     * one that replaces a connection the server dropped (a dropped connection after a write is exactly when the
     * writer must read the value back). It hands out copies, so the SDK never holds the original, and is wiped when
     * the pool closes. Never serialised, never printed.
     */
    static final class BindPassword extends PasswordProvider {

        private static final long serialVersionUID = 1L;

        private final transient byte[] bytes;

        private BindPassword(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public byte[] getPasswordBytes() {
            return bytes.clone();
        }

        /** Overwrites the password; later binds fail. */
        void wipe() {
            Arrays.fill(bytes, (byte) 0);
        }

        @Override
        public String toString() {
            return "BindPassword[redacted]";
        }
    }

    /** An open pool and the password it binds with, to wipe when the pool closes. */
    record Opened(LDAPConnectionPool pool, BindPassword password) {
    }

    /**
     * Opens the pool with one connection, which proves the server is reachable, TLS is trusted and the bind works.
     *
     * @param name the directory's name, for messages
     * @throws LdapDirectoryException naming the server and the cause, never the password
     */
    static Opened open(LdapSettings settings, String name) {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setAbandonOnTimeout(true);
        // Referrals to other domains are not followed: each domain is configured, and bound, on its own.
        options.setFollowReferrals(false);

        SingleServerSet servers;
        PostConnectProcessor startTls = null;
        if (settings.security() == LdapSecurity.PLAINTEXT) {
            servers = new SingleServerSet(settings.host(), settings.port(), options);
        } else {
            // UnboundID's default verifier checks no host name at all; AD certificates name the DC.
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
            SSLUtil ssl = new SSLUtil(trustManager(settings));
            try {
                if (settings.security() == LdapSecurity.LDAPS) {
                    servers = new SingleServerSet(settings.host(), settings.port(), ssl.createSSLSocketFactory(),
                            options);
                } else {
                    servers = new SingleServerSet(settings.host(), settings.port(), options);
                    startTls = new StartTLSPostConnectProcessor(ssl.createSSLContext());
                }
            } catch (GeneralSecurityException e) {
                throw new LdapDirectoryException(name + ": cannot set up TLS: " + e.getMessage(),
                        LdapDirectoryException.NO_RESULT_CODE, e);
            }
        }

        BindPassword password = new BindPassword(passwordBytes(settings));
        try {
            SimpleBindRequest bind = new SimpleBindRequest(settings.bindIdentity(), password);
            LDAPConnectionPool pool = new LDAPConnectionPool(servers, bind, 1, settings.poolSize(), startTls);
            pool.setConnectionPoolName(name);
            return new Opened(pool, password);
        } catch (LDAPException e) {
            password.wipe();
            throw new LdapDirectoryException(name + ": cannot connect and bind as " + settings.bindIdentity() + ": "
                    + LdapErrors.explain(e, settings), e.getResultCode().intValue(), e);
        } catch (RuntimeException e) {
            password.wipe();
            throw e;
        }
    }

    private static TrustManager trustManager(LdapSettings settings) {
        Path file = settings.trustStore().orElse(null);
        if (file == null) {
            return JVMDefaultTrustManager.getInstance();
        }
        char[] storePassword = settings.trustStorePassword();
        // Opened once here so that a wrong password or type fails now, with a message that says so.
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(settings.trustStoreType());
            store.load(in, storePassword);
            if (store.size() == 0) {
                throw new ConfigurationException("trustStore",
                        "trust store " + quote(file.toString()) + " holds no certificates");
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("trustStore",
                    "trust store " + quote(file.toString()) + " cannot be opened as "
                    + settings.trustStoreType() + " (wrong password or type?): " + e.getMessage());
        }
        return new TrustStoreTrustManager(file.toFile(), storePassword, settings.trustStoreType(), true);
    }

    /** The password as UTF-8 bytes, without passing through an immutable String. */
    private static byte[] passwordBytes(LdapSettings settings) {
        char[] chars = settings.password();
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(chars));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
            return bytes;
        } catch (CharacterCodingException e) {
            throw new ConfigurationException("bind", "the password for " + quote(settings.bindIdentity())
                    + " is not valid Unicode (an unpaired surrogate)");
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Whether a failure left the result code meaning "could not reach or talk TLS to the server". */
    static boolean isConnectFailure(ResultCode code) {
        return code == ResultCode.CONNECT_ERROR || code == ResultCode.SERVER_DOWN || code == ResultCode.TIMEOUT;
    }
}

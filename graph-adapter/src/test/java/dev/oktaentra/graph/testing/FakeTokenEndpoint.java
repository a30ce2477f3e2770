package dev.oktaentra.graph.testing;

import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Microsoft Entra ID's token endpoint on a loopback https port that refuses every app-only sign-in the way Entra
 * refuses a wrong client secret: {@code POST /{tenant}/oauth2/v2.0/token} answered {@code 401} with the OAuth error
 * {@code invalid_client} and {@code AADSTS7000215} ("Invalid client secret provided"), the body the Microsoft identity
 * platform documents for a failed client credentials request
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow#error-response-example,
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes). It serves https only, because MSAL
 * refuses an authority that is not https; its self-signed certificate (made with the JDK's keytool) is
 * {@link #certificate()}, for the client to trust.
 */
public final class FakeTokenEndpoint implements AutoCloseable {

    /** The AADSTS text a refused client secret carries; a test looks for it in the message a person sees. */
    public static final String INVALID_SECRET = "AADSTS7000215: Invalid client secret provided. Ensure the secret "
            + "being sent in the request is the client secret value, not the client secret ID, for a secret added to "
            + "app '7c0e1b7a-1d3c-4b8e-9d7e-2f1a3b4c5d6e'.";

    private static final String PASSWORD = "fake-token-endpoint";

    private final HttpsServer server;
    private final X509Certificate certificate;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private FakeTokenEndpoint(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
        Path store = dir.resolve("fake-token-endpoint.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "tls", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        certificate = (X509Certificate) keys.getCertificate("tls");
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts the endpoint; its key store is written to {@code dir}.
     *
     * @param dir a scratch folder
     * @return the running endpoint; close it after use
     */
    public static FakeTokenEndpoint start(Path dir) {
        try {
            return new FakeTokenEndpoint(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The authority host to give azure-identity, e.g. {@code https://127.0.0.1:50123/}.
     *
     * @return the URL
     */
    public String authorityHost() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /**
     * The server's self-signed certificate.
     *
     * @return the certificate to trust
     */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * azure-core's HTTP client as azure-identity uses it (over OkHttp), trusting this endpoint's certificate and
     * nothing else; give it to a credential builder's {@code httpClient}.
     *
     * @return the client
     */
    public HttpClient trustingHttpClient() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("fake-token-endpoint", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            X509TrustManager trust = (X509TrustManager) factory.getTrustManagers()[0];
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new X509TrustManager[] {trust}, null);
            return new OkHttpAsyncHttpClientBuilder(new OkHttpClient.Builder()
                    .sslSocketFactory(tls.getSocketFactory(), trust).build()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every request, as {@code METHOD path}; bodies (which carry the client secret) are not kept.
     *
     * @return the requests so far
     */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/oauth2/v2.0/token")) {
                reply(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"" + INVALID_SECRET
                        + " Trace ID: 0f6e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b Correlation ID: "
                        + "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d Timestamp: 2026-05-04 10:15:00Z\","
                        + "\"error_codes\":[7000215],\"timestamp\":\"2026-05-04 10:15:00Z\","
                        + "\"trace_id\":\"0f6e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b\","
                        + "\"correlation_id\":\"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d\"}");
            } else {
                reply(exchange, 404, "{\"error\":\"not_found\",\"error_description\":\"no such endpoint\"}");
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

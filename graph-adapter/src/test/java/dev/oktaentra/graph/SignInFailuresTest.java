package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The chains azure-identity throws, as they arrive: wrapped in a RuntimeException and an ExecutionException. */
class SignInFailuresTest {

    private static final String WHO = "client secret [redacted] of app a1 in tenant contoso.onmicrosoft.com";

    private static GraphSignInException explain(Throwable root) {
        return SignInFailures.explain(WHO, new RuntimeException(new ExecutionException(root)));
    }

    @Test
    void explain_unknownHost_namesTheHostAndTheNetwork() {
        GraphSignInException e = explain(new UnknownHostException("login.microsoftonline.com: Name or service not "
                + "known"));

        assertThat(e.getMessage()).isEqualTo("Signing in to Microsoft Entra ID with " + WHO + " failed: the host "
                + "login.microsoftonline.com was not found (DNS). Check the network connection, the proxy settings "
                + "and the cloud setting.");
    }

    @Test
    void explain_aadstsWithTraceOnTheNextLine_keepsTheFirstLineAndPointsAtTheTenant() {
        GraphSignInException e = explain(new IllegalStateException("AADSTS90002: Tenant 'contso.onmicrosoft.com' not "
                + "found. Check to make sure you have the correct tenant ID.\r\nTrace ID: 1 Correlation ID: 2"));

        assertThat(e.reason()).isEqualTo("Entra ID refused the sign-in: AADSTS90002: Tenant "
                + "'contso.onmicrosoft.com' not found. Check to make sure you have the correct tenant ID.");
        assertThat(e.getMessage()).endsWith("Check the tenant id or domain and the cloud setting.")
                .doesNotContain("Trace ID").doesNotContain("\n");
    }

    @Test
    void explain_timeoutAndTls_sayWhatHappened() {
        assertThat(explain(new SocketTimeoutException("Read timed out")).reason())
                .isEqualTo("the sign-in endpoint did not answer in time");
        assertThat(explain(new SSLHandshakeException("PKIX path building failed")).getMessage())
                .contains("the TLS handshake with the sign-in endpoint failed (PKIX path building failed)")
                .endsWith("A proxy that inspects TLS needs its CA certificate in Java's trust store (cacerts).");
    }

    @Test
    void explain_anythingElse_namesTheRootCauseAndScrubsTokens() {
        GraphSignInException e = explain(new IllegalArgumentException("bad header Bearer eyJhbGciOi.eyJzdWIiOi.c2ln"));

        assertThat(e.reason()).isEqualTo("IllegalArgumentException: bad header Bearer [redacted]");
    }
}

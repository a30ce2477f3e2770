package dev.oktaentra.graph;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import reactor.core.publisher.Mono;

/**
 * Wraps the azure-identity credential the Graph client signs in with, so that a failed sign-in leaves it as one
 * {@link GraphSignInException} (see {@link SignInFailures}) instead of the SDK's chain of {@code RuntimeException},
 * {@code ExecutionException} and MSAL exceptions, which {@link GraphErrors} would otherwise report as a failure of
 * whatever Graph call came first, with that call's permission hint.
 */
final class SignInGuard implements TokenCredential {

    private final TokenCredential credential;
    private final String who;

    /**
     * A guard around one credential.
     *
     * @param credential the credential that signs in
     * @param who what signs in, for messages; never a secret (e.g. {@code GraphCredentials.toString()})
     */
    public SignInGuard(TokenCredential credential, String who) {
        this.credential = credential;
        this.who = who;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return credential.getToken(request).onErrorMap(e -> !(e instanceof GraphSignInException),
                e -> SignInFailures.explain(who, e));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        try {
            return credential.getTokenSync(request);
        } catch (GraphSignInException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SignInFailures.explain(who, e);
        }
    }

    @Override
    public String toString() {
        return "SignInGuard[" + who + "]";
    }
}

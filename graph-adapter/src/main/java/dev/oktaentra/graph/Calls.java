package dev.oktaentra.graph;

import com.microsoft.kiota.BaseRequestConfiguration;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import dev.oktaentra.core.settings.RetryPolicy;
import java.util.function.Supplier;

/** Small helpers every SDK call goes through: the retry policy per request, and error translation. */
final class Calls {

    private Calls() {
    }

    /**
     * Adds the configured retry policy (429/503/504, honouring {@code Retry-After}) to a request: its retries and
     * back-off go to the SDK's retry handler, which waits by itself for single requests.
     *
     * @param config the SDK's request configuration
     * @param settings the settings holding the policy
     */
    public static void retry(BaseRequestConfiguration config, GraphSettings settings) {
        RetryPolicy retry = settings.retry();
        config.options.add(new RetryHandlerOption(null, retry.maxRetries(), retry.backOff().getSeconds()));
    }

    /**
     * Marks a request as an advanced query: {@code ConsistencyLevel: eventual}. Needed on every page of it,
     * including the {@code @odata.nextLink} requests, which carry no headers of their own.
     *
     * @param config the SDK's request configuration
     */
    public static void advancedQuery(BaseRequestConfiguration config) {
        config.headers.add("ConsistencyLevel", "eventual");
    }

    /**
     * Runs an SDK call and translates what it throws.
     *
     * @param action what is being done, for the message
     * @param call the call
     * @param <T> the result type
     * @return the call's result
     * @throws dev.oktaentra.graph.GraphException when the call fails
     */
    public static <T> T call(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw GraphErrors.translate(action, e);
        }
    }

    /**
     * Runs an SDK call without a result and translates what it throws.
     *
     * @param action what is being done
     * @param call the call
     */
    public static void run(String action, Runnable call) {
        call(action, () -> {
            call.run();
            return null;
        });
    }
}

package dev.oktaentra.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import dev.oktaentra.core.settings.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends up to 20 requests as one Graph {@code $batch} and retries the items Graph answered 429, 503 or 504,
 * honouring each item's {@code Retry-After}, a bounded number of times. The SDK's retry handler sees only the
 * outer request, so per-item throttling is handled here. The answer is read with Jackson rather than the SDK's
 * {@code BatchResponseContent}, which fails on error bodies without a {@code message}.
 */
final class BatchExecutor {

    /** Graph's limit of requests per {@code $batch}. */
    public static final int MAX_ITEMS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(BatchExecutor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> RETRYABLE = Set.of(429, 503, 504);
    private static final HashMap<String, ParsableFactory<? extends Parsable>> ERRORS = new HashMap<>();

    static {
        ERRORS.put("XXX", ODataError::createFromDiscriminatorValue);
    }

    /**
     * One request of a batch.
     *
     * @param key the caller's key for the answer
     * @param request builds the request; called again for each retry because a request body can be read once
     */
    public record Item(String key, Supplier<RequestInformation> request) {
    }

    /**
     * Graph's answer to one item.
     *
     * @param status the HTTP status
     * @param headers the item's response headers, case-insensitive
     * @param body the item's JSON body, or {@code null}
     * @param retries how many times the item was retried
     */
    public record Answer(int status, Map<String, String> headers, JsonNode body, int retries) {

        /**
         * Whether the request succeeded.
         *
         * @return whether the status is 2xx
         */
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private final GraphServiceClient graph;
    private final RetryPolicy retry;
    private int batchesSent;

    /**
     * An executor for one client.
     *
     * @param graph the client
     * @param settings the retry policy and sleeper
     */
    public BatchExecutor(GraphServiceClient graph, GraphSettings settings) {
        this.graph = graph;
        this.retry = settings.retry();
    }

    /**
     * How many {@code $batch} requests this executor sent, retries included.
     *
     * @return the count
     */
    public int batchesSent() {
        return batchesSent;
    }

    /**
     * Sends the items and returns an answer for each; items still throttled after the retries keep their last 429.
     *
     * @param action what is being done, for messages
     * @param items at most {@value #MAX_ITEMS} items with distinct keys
     * @return answers by key, in the items' order
     * @throws GraphException when the {@code $batch} request itself fails or the thread is interrupted
     */
    public Map<String, Answer> execute(String action, List<Item> items) {
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException(items.size() + " items exceed Graph's " + MAX_ITEMS + " per $batch");
        }
        Map<String, Answer> answers = new LinkedHashMap<>();
        List<Item> pending = items;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            Map<String, JsonNode> byStep = new HashMap<>();
            Map<String, Item> steps = send(action, pending, byStep, attempt);
            List<Item> again = new ArrayList<>();
            Duration wait = Duration.ZERO;
            for (Map.Entry<String, Item> step : steps.entrySet()) {
                Answer answer = answer(byStep.get(step.getKey()), attempt);
                if (RETRYABLE.contains(answer.status()) && retry.allowsRetry(attempt)) {
                    again.add(step.getValue());
                    Duration itemWait = retry.delay(attempt, retry.retryAfter(answer.headers().get("Retry-After")));
                    wait = itemWait.compareTo(wait) > 0 ? itemWait : wait;
                } else {
                    answers.put(step.getValue().key(), answer);
                }
            }
            if (!again.isEmpty()) {
                LOG.info("{}: Graph throttled {} of {} batch items; retrying in {} ms (retry {} of {})", action,
                        again.size(), pending.size(), wait.toMillis(), attempt + 1, retry.maxRetries());
                sleep(action, wait);
            }
            pending = again;
        }
        Map<String, Answer> ordered = new LinkedHashMap<>();
        for (Item item : items) {
            ordered.put(item.key(), answers.get(item.key()));
        }
        return ordered;
    }

    /** Posts one $batch, retrying the whole request when Graph throttles it; fills {@code byStep} from the answer. */
    private Map<String, Item> send(String action, List<Item> pending, Map<String, JsonNode> byStep, int attempt) {
        for (int outer = 0; ; outer++) {
            Map<String, Item> steps = new LinkedHashMap<>();
            try {
                BatchRequestContent content = new BatchRequestContent(graph);
                for (Item item : pending) {
                    steps.put(content.addBatchRequestStep(item.request().get()), item);
                }
                RequestInformation post = graph.getBatchRequestBuilder().toPostRequestInformation(content);
                post.addRequestOptions(List.<RequestOption>of(new RetryHandlerOption(null, 0,
                        retry.backOff().getSeconds())));
                batchesSent++;
                JsonNode root;
                try (InputStream body = graph.getRequestAdapter().sendPrimitive(post, ERRORS, InputStream.class)) {
                    root = body == null ? null : JSON.readTree(body);
                }
                JsonNode responses = root == null ? null : root.get("responses");
                if (responses == null || !responses.isArray()) {
                    throw new GraphException(action + ": Graph's $batch answer has no 'responses' array", 200, null,
                            null, null, List.of());
                }
                for (JsonNode r : responses) {
                    JsonNode id = r.get("id");
                    if (id != null) {
                        byStep.put(id.asText(), r);
                    }
                }
                return steps;
            } catch (ApiException e) {
                int status = e.getResponseStatusCode();
                if (!RETRYABLE.contains(status) || !retry.allowsRetry(outer)) {
                    throw GraphErrors.translate(action, e);
                }
                Duration wait = retry.delay(outer, retry.retryAfter(header(e, "Retry-After")));
                LOG.info("{}: Graph answered the $batch request {}; retrying in {} ms", action, status,
                        wait.toMillis());
                sleep(action, wait);
            } catch (IOException e) {
                throw new GraphException(action + ": Graph's $batch answer could not be read: "
                        + Redaction.scrub(e.getMessage()), e);
            } catch (RuntimeException e) {
                throw GraphErrors.translate(action, e);
            }
        }
    }

    private static Answer answer(JsonNode response, int retries) {
        if (response == null) {
            return new Answer(0, Map.of(), null, retries);
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        JsonNode h = response.get("headers");
        if (h != null && h.isObject()) {
            h.fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode status = response.get("status");
        JsonNode body = response.get("body");
        return new Answer(status == null ? 0 : status.asInt(), headers, body == null || body.isNull() ? null : body,
                retries);
    }

    private static String header(ApiException e, String name) {
        if (e.getResponseHeaders() == null) {
            return null;
        }
        Set<String> values = e.getResponseHeaders().get(name);
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }

    private void sleep(String action, Duration wait) {
        try {
            retry.pause(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(action + ": interrupted while waiting to retry throttled requests", e);
        }
    }
}

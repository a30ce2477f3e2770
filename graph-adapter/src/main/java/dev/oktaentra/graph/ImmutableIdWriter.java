package dev.oktaentra.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.directory.WriteStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code onPremisesImmutableId} on cloud-managed users, compare-and-set: for each round of up to 20 users it
 * reads the current value and {@code onPremisesSyncEnabled} in one {@code $batch}, compares with each write's
 * {@code before}, and PATCHes the users that still agree in a second {@code $batch}. Throttled items are retried
 * honouring their {@code Retry-After}. Graph has no conditional update for users, so a change in the instant
 * between the read and the PATCH cannot be detected.
 *
 * <p>Outcomes: {@code APPLIED}; {@code ALREADY_APPLIED} when the user already holds {@code after}; {@code CONFLICT}
 * when it holds neither value; {@code REFUSED} for users synced from AD (Graph cannot change them), for clearing the
 * value (Graph does not do that reliably), for values Graph forbids and for other attributes; {@code FAILED} with
 * Graph's code and message otherwise, naming the holder of a duplicate ImmutableID.
 *
 * <p>A lost answer is not a failure until the user says so. When a PATCH has no answer (the connection dropped after
 * the request, or the {@code $batch} answer lacks it) or a 5xx one after every retry, Graph may have written it: a
 * 504 means its gateway gave up waiting for the service, not that the service did nothing
 * (https://learn.microsoft.com/en-us/graph/errors), and after a communication failure a client cannot know whether
 * the request was processed (RFC 9110 section 9.2.2). Those users are read back in one more {@code $batch}: the
 * planned value is {@code APPLIED}, the planned before-value {@code FAILED} ("read back: not written"), anything else
 * a {@code CONFLICT}; when the read-back fails too, {@code FAILED} says that whether it was written is unknown. A 4xx
 * (429 included) means Graph did not carry the request out, so it is {@code FAILED} at once. Retrying a PATCH that
 * committed is harmless: it sets the same value again.
 */
public final class ImmutableIdWriter implements DirectoryWriter {

    /** The one attribute this writer writes. */
    public static final String ATTRIBUTE = "onPremisesImmutableId";

    private static final Logger LOG = LoggerFactory.getLogger(ImmutableIdWriter.class);
    static final String[] READ_FIELDS = {"id", "userPrincipalName", ATTRIBUTE, "onPremisesSyncEnabled"};

    private final GraphServiceClient graph;
    private final GraphSettings settings;
    private final String directory;

    ImmutableIdWriter(GraphServiceClient graph, GraphSettings settings, String directory) {
        this.graph = graph;
        this.settings = settings;
        this.directory = directory;
    }

    /**
     * Applies the writes in order, up to 20 users per {@code $batch}; a user named twice goes into a later round.
     * If a {@code $batch} request itself fails (after retries), the rounds after it are FAILED "Not written" without
     * being attempted; in its own round, writes not yet sent are FAILED the same way, and PATCHes that may have
     * landed (no answer, or a 5xx) are read back first, as the class Javadoc says.
     *
     * @param writes writes of {@code onPremisesImmutableId}; targets are object ids (or UPNs)
     * @return one result per write, in order
     */
    @Override
    public List<WriteResult> write(List<AttributeWrite> writes) {
        Objects.requireNonNull(writes, "writes");
        WriteResult[] results = new WriteResult[writes.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            WriteResult refusal = refusal(Objects.requireNonNull(writes.get(i), "write " + i));
            if (refusal != null) {
                results[i] = refusal;
            } else {
                pending.add(i);
            }
        }
        BatchExecutor batches = new BatchExecutor(graph, settings);
        GraphException stopped = null;
        for (List<Integer> round : rounds(writes, pending)) {
            if (stopped == null) {
                try {
                    applyRound(writes, round, results, batches);
                } catch (GraphException e) {
                    stopped = e;
                }
            }
            for (int i : round) {
                if (results[i] == null) {
                    results[i] = new WriteResult(writes.get(i), WriteStatus.FAILED, null,
                            "Not written: " + stopped.getMessage());
                }
            }
        }
        LOG.info("onPremisesImmutableId on {}: {} writes in {} $batch requests: {}", directory, writes.size(),
                batches.batchesSent(), summary(results));
        return List.of(results);
    }

    /**
     * The attribute this writer writes.
     *
     * @return {@code [onPremisesImmutableId]}
     */
    @Override
    public List<String> writableAttributes() {
        return List.of(ATTRIBUTE);
    }

    /**
     * What this writer writes to.
     *
     * @return e.g. {@code onPremisesImmutableId on graph.microsoft.com (tenant …)}
     */
    @Override
    public String name() {
        return ATTRIBUTE + " on " + directory;
    }

    private void applyRound(List<AttributeWrite> writes, List<Integer> round, WriteResult[] results,
            BatchExecutor batches) {
        List<BatchExecutor.Item> reads = new ArrayList<>();
        for (int i : round) {
            String target = writes.get(i).target();
            reads.add(new BatchExecutor.Item(Integer.toString(i), () -> graph.users().byUserId(target)
                    .toGetRequestInformation(rc -> rc.queryParameters.select = READ_FIELDS)));
        }
        Map<String, BatchExecutor.Answer> read = batches.execute("Reading " + ATTRIBUTE + " of " + round.size()
                + " users", reads);
        List<BatchExecutor.Item> patches = new ArrayList<>();
        AttributeValue[] observed = new AttributeValue[writes.size()];
        for (int i : round) {
            AttributeWrite w = writes.get(i);
            BatchExecutor.Answer answer = read.get(Integer.toString(i));
            if (answer == null || !answer.succeeded() || answer.body() == null) {
                results[i] = failed(w, "Reading " + ATTRIBUTE + " of " + w.target(), answer);
                continue;
            }
            JsonNode user = answer.body();
            String current = text(user.get(ATTRIBUTE));
            observed[i] = current == null ? null : AttributeValue.ofString(current);
            String who = who(w.target(), text(user.get("userPrincipalName")));
            if (user.path("onPremisesSyncEnabled").asBoolean(false)) {
                results[i] = new WriteResult(w, WriteStatus.REFUSED, observed[i], who + " is synced from on-premises"
                        + " AD (onPremisesSyncEnabled=true), so Graph cannot change its " + ATTRIBUTE + ". Fix the"
                        + " on-premises anchor instead: set mS-DS-ConsistencyGuid on the AD account to the bytes the"
                        + " wanted ImmutableID encodes, and let the sync engine carry it");
            } else if (Objects.equals(current, value(w.after()))) {
                results[i] = new WriteResult(w, WriteStatus.ALREADY_APPLIED, observed[i],
                        who + " already holds " + OktaEntraException.quote(current) + "; nothing written");
            } else if (!Objects.equals(current, value(w.before()))) {
                results[i] = new WriteResult(w, WriteStatus.CONFLICT, observed[i], who + " holds "
                        + OktaEntraException.quote(current) + ", not the planned "
                        + OktaEntraException.quote(value(w.before())) + ": it changed since planning; nothing"
                        + " written");
            } else {
                String target = w.target();
                String after = value(w.after());
                patches.add(new BatchExecutor.Item(Integer.toString(i), () -> {
                    User delta = new User();
                    delta.setOnPremisesImmutableId(after);
                    return graph.users().byUserId(target).toPatchRequestInformation(delta);
                }));
            }
        }
        if (patches.isEmpty()) {
            return;
        }
        Map<String, BatchExecutor.Answer> written;
        try {
            written = batches.execute("Writing " + ATTRIBUTE + " of " + patches.size() + " users", patches);
        } catch (GraphException e) {
            if (!unknownOutcome(e.httpStatus())) {
                throw e;   // refused as a whole: nothing of it was written
            }
            Map<Integer, String> lost = new LinkedHashMap<>();
            patches.forEach(item -> lost.put(Integer.parseInt(item.key()), e.getMessage()));
            new ImmutableIdReadBack(graph, directory).decide(writes, lost, observed, results, batches);
            throw e;       // the rounds after this one are not attempted
        }
        Map<Integer, String> lost = new LinkedHashMap<>();
        for (BatchExecutor.Item item : patches) {
            int i = Integer.parseInt(item.key());
            BatchExecutor.Answer answer = written.get(item.key());
            AttributeWrite w = writes.get(i);
            if (answer != null && answer.succeeded()) {
                results[i] = new WriteResult(w, WriteStatus.APPLIED, observed[i], "");
                continue;
            }
            WriteResult failure = failed(w, "Writing " + ATTRIBUTE + " " + OktaEntraException.quote(value(w.after()))
                    + " on " + w.target(), answer);
            if (answer == null || unknownOutcome(answer.status())) {
                lost.put(i, failure.message());
            } else {
                results[i] = failure;
            }
        }
        if (!lost.isEmpty()) {
            new ImmutableIdReadBack(graph, directory).decide(writes, lost, observed, results, batches);
        }
    }

    /** Whether Graph may have carried out a request answered so: no answer at all, or a server error. */
    private static boolean unknownOutcome(int status) {
        return status == 0 || status >= 500;
    }

    /** Writes this writer will not attempt, decided before anything is sent. */
    private static WriteResult refusal(AttributeWrite w) {
        String reason = null;
        if (!ATTRIBUTE.equalsIgnoreCase(w.attribute())) {
            reason = "This writer writes only " + ATTRIBUTE + ", not " + OktaEntraException.quote(w.attribute());
        } else if (w.target().isBlank()) {
            reason = "The write has a blank target; it needs a user's object id";
        } else if (w.after() == null || w.after().length() == 0) {
            reason = "Clearing " + ATTRIBUTE + " through Graph is not reliable: an empty string is ignored and null"
                    + " has been answered 400 since June 2024. Leave the value, or overwrite it with the correct"
                    + " ImmutableID";
        } else if (!w.after().isText() || w.before() != null && !w.before().isText()) {
            reason = ATTRIBUTE + " is text: give the ImmutableID string (Base64 of the anchor's bytes), not raw bytes";
        } else if (w.after().asString().indexOf('$') >= 0 || w.after().asString().indexOf('_') >= 0) {
            reason = "Graph does not accept '$' or '_' in " + ATTRIBUTE + ": "
                    + OktaEntraException.quote(w.after().asString());
        }
        return reason == null ? null : new WriteResult(w, WriteStatus.REFUSED, null, reason);
    }

    static WriteResult failed(AttributeWrite w, String action, BatchExecutor.Answer answer) {
        if (answer == null || answer.status() == 0) {
            return new WriteResult(w, WriteStatus.FAILED, null, action + ": Graph's $batch answer had no response"
                    + " for this request");
        }
        GraphException error = GraphErrors.fromBatchItem(action, answer.status(), answer.body());
        String holder = null;
        boolean duplicate = false;
        for (GraphErrorDetail d : error.details()) {
            duplicate |= "ObjectConflict".equals(d.code()) || "ConflictingObjects".equals(d.code());
            if (d.target() != null && d.target().startsWith("User_")) {
                holder = d.target().substring("User_".length());
            }
        }
        String message = error.getMessage();
        if (duplicate) {
            message = "Another object already holds " + OktaEntraException.quote(value(w.after()))
                    + (holder == null ? "" : " (user " + holder + ")") + "; an ImmutableID must be unique in the"
                    + " tenant. " + message;
        }
        if (answer.retries() > 0) {
            message += " (after " + answer.retries() + " retries)";
        }
        return new WriteResult(w, WriteStatus.FAILED, null, message);
    }

    /** Splits writes into rounds of at most 20, each naming a user once, keeping the order of each user's writes. */
    private static List<List<Integer>> rounds(List<AttributeWrite> writes, List<Integer> pending) {
        List<List<Integer>> rounds = new ArrayList<>();
        List<Integer> left = pending;
        while (!left.isEmpty()) {
            List<Integer> round = new ArrayList<>();
            List<Integer> later = new ArrayList<>();
            Set<String> targets = new HashSet<>();
            Set<String> deferred = new HashSet<>();
            for (int i : left) {
                String target = writes.get(i).target().toLowerCase(Locale.ROOT);
                if (round.size() < BatchExecutor.MAX_ITEMS && !deferred.contains(target) && targets.add(target)) {
                    round.add(i);
                } else {
                    later.add(i);
                    deferred.add(target);
                }
            }
            rounds.add(round);
            left = later;
        }
        return rounds;
    }

    static String who(String target, String upn) {
        return upn == null || upn.equalsIgnoreCase(target) ? "User " + target : "User " + upn + " (" + target + ")";
    }

    /** The value as Graph holds it; an empty value is no value, as Graph shows a cleared one. */
    static String value(AttributeValue v) {
        return v == null || v.length() == 0 ? null : v.asString();
    }

    static String text(JsonNode node) {
        String s = node == null || node.isNull() ? null : node.asText();
        return s == null || s.isEmpty() ? null : s;
    }

    private static String summary(WriteResult[] results) {
        int[] counts = new int[WriteStatus.values().length];
        Arrays.stream(results).forEach(r -> counts[r.status().ordinal()]++);
        StringBuilder s = new StringBuilder();
        for (WriteStatus status : WriteStatus.values()) {
            if (counts[status.ordinal()] > 0) {
                s.append(s.length() == 0 ? "" : ", ").append(counts[status.ordinal()]).append(' ').append(status);
            }
        }
        return s.length() == 0 ? "nothing to do" : s.toString();
    }
}

package dev.oktaentra.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code onPremisesSyncBehavior.isCloudManaged} for the users of a page that a sync engine could take over.
 * "If {@code true}, updates from on-premises Active Directory are blocked in the cloud; if {@code false}, … the object
 * can be taken over by on-premises Active Directory" (onPremisesSyncBehavior resource,
 * https://learn.microsoft.com/graph/api/resources/onpremisessyncbehavior).
 *
 * <p>Which users: those with an {@code onPremisesImmutableId} (a hard match needs one) or an
 * {@code onPremisesSyncEnabled} state (synced now, or once: the users whose source of authority can have been moved to
 * the cloud). A user never synced and without an ImmutableID keeps {@code cloudManaged == null}, "not read"; so does
 * every user whose read failed, and the caller counts those.
 *
 * <p>Wire: {@code GET /users/{id}/onPremisesSyncBehavior} ("Optional query parameters: Not Supported"), one per user,
 * sent 20 to a {@code $batch}. The reference pages are beta, but the v1.0 Graph SDK 6.70 has the request builder,
 * so v1.0 is asked first; an answer that v1.0 has no such segment ({@code 400}/{@code 404} "Resource not found for the
 * segment 'onPremisesSyncBehavior'") switches this and later batches to the beta root. Microsoft's own example answers
 * {@code {"value": {"@odata.type": …, "id": …, "isCloudManaged": true}}}, wrapped, so both a wrapped and a plain body
 * are read (onpremisessyncbehavior-get). The permission is {@code User-OnPremisesSyncBehavior.ReadWrite.All}; there is
 * no read-only one. A {@code 403} means the whole tenant refuses: no further batch is sent.
 */
final class CloudManagedReader {

    private static final Logger LOG = LoggerFactory.getLogger(CloudManagedReader.class);

    private final GraphServiceClient graph;
    private final BatchExecutor batches;
    private final String betaRoot;
    private final ReadCoverage coverage;
    private boolean onBeta;
    private String refusal;

    /**
     * A reader for one {@link GraphDirectory#records()} read.
     *
     * @param graph the client
     * @param settings the retry policy
     * @param betaRoot the beta root to fall back to, or {@code null} when unknown
     * @param coverage where the counts go
     */
    CloudManagedReader(GraphServiceClient graph, GraphSettings settings, String betaRoot, ReadCoverage coverage) {
        this.graph = graph;
        this.batches = new BatchExecutor(graph, settings);
        this.betaRoot = betaRoot;
        this.coverage = coverage;
    }

    /** Whether {@code isCloudManaged} is read for this user. */
    static boolean reads(CloudUser user) {
        return user.immutableId() != null || user.onPremisesSyncEnabled() != null;
    }

    /**
     * The page with {@code cloudManaged} set on each user it was read for.
     *
     * @param page a page of records
     * @return a new list; rejected records and users not read are as they were
     */
    List<DirectoryRecord<CloudUser>> enrich(List<DirectoryRecord<CloudUser>> page) {
        List<DirectoryRecord<CloudUser>> out = new ArrayList<>(page);
        List<Integer> wanted = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            if (page.get(i) instanceof DirectoryRecord.Usable<CloudUser> u && reads(u.user())) {
                wanted.add(i);
            }
        }
        for (int from = 0; from < wanted.size(); from += BatchExecutor.MAX_ITEMS) {
            List<Integer> chunk = wanted.subList(from, Math.min(wanted.size(), from + BatchExecutor.MAX_ITEMS));
            if (refusal != null) {
                coverage.cloudManagedUnknown(chunk.size(), refusal);
                continue;
            }
            read(out, chunk);
        }
        return out;
    }

    private void read(List<DirectoryRecord<CloudUser>> out, List<Integer> chunk) {
        Map<String, BatchExecutor.Answer> answers = send(out, chunk);
        if (!onBeta && betaRoot != null && answers.values().stream().anyMatch(CloudManagedReader::noSuchSegment)) {
            LOG.info("Graph v1.0 has no onPremisesSyncBehavior; reading it from {}", betaRoot);
            onBeta = true;
            answers = send(out, chunk);
        }
        for (int index : chunk) {
            DirectoryRecord.Usable<CloudUser> record = (DirectoryRecord.Usable<CloudUser>) out.get(index);
            BatchExecutor.Answer answer = answers.get(Integer.toString(index));
            Boolean managed = answer == null ? null : managed(answer);
            if (managed == null) {
                String why = why(record.user(), answer);
                if (answer != null && answer.status() == 403) {
                    refusal = why;
                }
                coverage.cloudManagedUnknown(1, why);
                continue;
            }
            coverage.cloudManagedRead();
            out.set(index, new DirectoryRecord.Usable<>(record.user().toBuilder().cloudManaged(managed).build(),
                    record.line()));
        }
    }

    private Map<String, BatchExecutor.Answer> send(List<DirectoryRecord<CloudUser>> out, List<Integer> chunk) {
        List<BatchExecutor.Item> items = new ArrayList<>(chunk.size());
        for (int index : chunk) {
            String id = out.get(index).orElseThrow().id();
            items.add(new BatchExecutor.Item(Integer.toString(index), request(id)));
        }
        return batches.execute("Reading onPremisesSyncBehavior of " + chunk.size() + " users"
                + (onBeta ? " (Graph beta)" : ""), items, onBeta ? URI.create(betaRoot + "/$batch") : null);
    }

    private Supplier<RequestInformation> request(String id) {
        var builder = graph.users().byUserId(id).onPremisesSyncBehavior();
        return onBeta ? () -> builder.withUrl(betaRoot + "/users/" + id + "/onPremisesSyncBehavior")
                .toGetRequestInformation() : builder::toGetRequestInformation;
    }

    /** The flag, from a plain or a {@code value}-wrapped body; {@code null} when the answer holds none. */
    private static Boolean managed(BatchExecutor.Answer answer) {
        if (!answer.succeeded() || answer.body() == null) {
            return null;
        }
        JsonNode body = answer.body();
        if (body.path("value").isObject()) {
            body = body.get("value");
        }
        JsonNode flag = body.get("isCloudManaged");
        return flag != null && flag.isBoolean() ? flag.asBoolean() : null;
    }

    private static boolean noSuchSegment(BatchExecutor.Answer answer) {
        if (answer.status() != 400 && answer.status() != 404) {
            return false;
        }
        String message = answer.body() == null ? "" : answer.body().path("error").path("message").asText("");
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("segment") && lower.contains("onpremisessyncbehavior");
    }

    private static String why(CloudUser user, BatchExecutor.Answer answer) {
        if (answer == null) {
            return "Graph's $batch answer had no item for user " + user.id();
        }
        if (answer.succeeded()) {
            return "Graph's answer for user " + user.id() + " held no isCloudManaged";
        }
        JsonNode error = answer.body() == null ? null : answer.body().path("error");
        String code = error == null ? "" : error.path("code").asText("");
        String message = error == null ? "" : error.path("message").asText("");
        return "Graph answered " + answer.status() + (code.isEmpty() ? "" : " " + code)
                + (message.isEmpty() ? "" : " (" + Redaction.scrub(message) + ")")
                + (answer.status() == 403 ? "; reading onPremisesSyncBehavior needs"
                        + " User-OnPremisesSyncBehavior.ReadWrite.All" : "");
    }
}

package dev.oktaentra.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.UsersRequestBuilder;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Streams {@code /users} page by page. The requests are built and sent by the SDK (request builders, authentication,
 * retry handler, ODataError mapping); each page's body is read with Jackson's streaming parser, one user at a time,
 * instead of the SDK's model classes, which parse a page into a tree and then into backed models and made reading
 * several times slower.
 */
final class UserPages {

    private static final HashMap<String, ParsableFactory<? extends Parsable>> ERRORS = new HashMap<>();

    static {
        ERRORS.put("XXX", ODataError::createFromDiscriminatorValue);
    }

    /** One parsed page. */
    private record Page(List<DirectoryRecord<CloudUser>> records, String nextLink) {
    }

    private UserPages() {
    }

    /**
     * The users, lazily.
     *
     * @param graph the client
     * @param settings page size, retry policy, synced filter
     * @param select the fields to select
     * @param mapper maps each user's JSON
     * @param name the directory's name, for messages
     * @param enrich completes each page's records once it is parsed (e.g. with per-user reads); identity for none
     * @return the stream
     */
    public static Stream<DirectoryRecord<CloudUser>> stream(GraphServiceClient graph, GraphSettings settings,
            String[] select, UserMapper mapper, String name,
            UnaryOperator<List<DirectoryRecord<CloudUser>>> enrich) {
        boolean synced = settings.syncedUsersOnly();
        int[] pageNo = {0};
        return Pages.<Page, DirectoryRecord<CloudUser>, DirectoryRecord<CloudUser>>stream("users", link -> {
            int page = ++pageNo[0];
            String action = "Reading users page " + page + " from " + name;
            UsersRequestBuilder users = link == null ? graph.users() : graph.users().withUrl(link);
            Consumer<UsersRequestBuilder.GetRequestConfiguration> config = rc -> {
                if (link == null) {
                    rc.queryParameters.select = select;
                    rc.queryParameters.top = settings.pageSize();
                    if (synced) {
                        rc.queryParameters.filter = "onPremisesSyncEnabled eq true";
                        rc.queryParameters.count = true;
                    }
                }
                if (synced) {
                    // The nextLink requests carry no headers of their own: re-add it on every page.
                    Calls.advancedQuery(rc);
                }
                Calls.retry(rc, settings);
            };
            Page parsed = Calls.call(action, () -> {
                RequestInformation request = users.toGetRequestInformation(config);
                try (InputStream body = graph.getRequestAdapter().sendPrimitive(request, ERRORS, InputStream.class)) {
                    return parse(body, mapper, page, action);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return new Page(enrich.apply(parsed.records()), parsed.nextLink());
        }, Page::records, Page::nextLink, (record, page, index) -> record);
    }

    private static Page parse(InputStream body, UserMapper mapper, int page, String action) throws IOException {
        List<DirectoryRecord<CloudUser>> records = new ArrayList<>();
        String nextLink = UserPageStream.read(body, action, user -> records.add(mapper.map(user, page,
                records.size() + 1)));
        return new Page(records, nextLink);
    }
}

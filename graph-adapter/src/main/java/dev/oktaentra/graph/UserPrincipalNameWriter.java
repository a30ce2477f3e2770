package dev.oktaentra.graph;

import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.directory.WriteStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes cloud users' {@code userPrincipalName}, compare-and-set and verified, for the UPN swap around an ImmutableID
 * change of a user in a federated domain ({@code dev.oktaentra.core.migration.UpnSwap}). Per user: reads the UPN and
 * {@code onPremisesSyncEnabled}, compares with the write's {@code before}, PATCHes {@code /users/{id}} with the new
 * UPN, and reads it back: a write is {@code APPLIED} only when the user reads back with it. UPN swaps are few, so
 * the writes go one user at a time, each with the SDK's retry of throttled requests.
 *
 * <p>Outcomes: {@code ALREADY_APPLIED} when the user already holds {@code after}; {@code CONFLICT} when it holds
 * neither value; {@code REFUSED} for users synced from AD (Graph answers "Unable to update the specified properties
 * for on-premises mastered Directory Sync objects", domain.md section 5), for other attributes and for a value that
 * is not a UPN; {@code FAILED} with Graph's code and message otherwise (a UPN already taken, a domain the tenant has
 * not verified). A PATCH without an answer or with a 5xx one is read back before it is judged, as
 * {@link ImmutableIdWriter} does.
 *
 * <p>Graph accepts the UPN change without a password: Okta's procedure does exactly this with
 * {@code Update-MgUser -UserPrincipalName} (https://support.okta.com/help/s/article/ms-o365-federation-immutableid-missing-issue-with-o365-federation).
 */
public final class UserPrincipalNameWriter implements DirectoryWriter {

    /** The one attribute this writer writes. */
    public static final String ATTRIBUTE = "userPrincipalName";

    private static final Logger LOG = LoggerFactory.getLogger(UserPrincipalNameWriter.class);
    private static final String[] READ_FIELDS = {"id", ATTRIBUTE, "onPremisesSyncEnabled"};

    private final GraphServiceClient graph;
    private final GraphSettings settings;
    private final String directory;

    UserPrincipalNameWriter(GraphServiceClient graph, GraphSettings settings, String directory) {
        this.graph = graph;
        this.settings = settings;
        this.directory = directory;
    }

    /**
     * Writes over a directory's client.
     *
     * @param entra the directory
     * @return the writer
     */
    public static UserPrincipalNameWriter of(GraphDirectory entra) {
        return new UserPrincipalNameWriter(entra.client(), entra.settings(), entra.name());
    }

    /**
     * Applies the writes in order, one user at a time.
     *
     * @param writes writes of {@code userPrincipalName}; targets are object ids
     * @return one result per write, in order
     */
    @Override
    public List<WriteResult> write(List<AttributeWrite> writes) {
        Objects.requireNonNull(writes, "writes");
        List<WriteResult> results = new ArrayList<>(writes.size());
        for (AttributeWrite w : writes) {
            results.add(one(Objects.requireNonNull(w, "write")));
        }
        return results;
    }

    private WriteResult one(AttributeWrite w) {
        String after = ImmutableIdWriter.value(w.after());
        if (!ATTRIBUTE.equalsIgnoreCase(w.attribute())) {
            return new WriteResult(w, WriteStatus.REFUSED, null, "This writer writes only " + ATTRIBUTE + ", not "
                    + OktaEntraException.quote(w.attribute()));
        }
        if (after == null || after.indexOf('@') <= 0 || !w.after().isText()) {
            return new WriteResult(w, WriteStatus.REFUSED, null, "A user's " + ATTRIBUTE + " cannot become "
                    + OktaEntraException.quote(after) + ": give a UPN (name@domain)");
        }
        User user;
        try {
            user = read(w.target());
        } catch (GraphException e) {
            return new WriteResult(w, WriteStatus.FAILED, null, e.getMessage());
        }
        String current = user.getUserPrincipalName();
        AttributeValue observed = current == null ? null : AttributeValue.ofString(current);
        String who = ImmutableIdWriter.who(w.target(), current);
        if (Boolean.TRUE.equals(user.getOnPremisesSyncEnabled())) {
            return new WriteResult(w, WriteStatus.REFUSED, observed, who + " is synced from on-premises AD, so Graph "
                    + "cannot change its " + ATTRIBUTE);
        }
        if (after.equalsIgnoreCase(current)) {
            return new WriteResult(w, WriteStatus.ALREADY_APPLIED, observed, who + " already signs in as " + after);
        }
        String before = ImmutableIdWriter.value(w.before());
        if (before == null || !before.equalsIgnoreCase(current)) {
            return new WriteResult(w, WriteStatus.CONFLICT, observed, who + " holds "
                    + OktaEntraException.quote(current) + ", not the planned " + OktaEntraException.quote(before)
                    + ": it changed since planning; nothing written");
        }
        String action = "Changing the " + ATTRIBUTE + " of " + who + " to " + after + " (needs User.ReadWrite.All)";
        try {
            User delta = new User();
            delta.setUserPrincipalName(after);
            Calls.run(action, () -> graph.users().byUserId(w.target()).patch(delta, rc -> Calls.retry(rc, settings)));
        } catch (GraphException e) {
            if (e.httpStatus() != 0 && e.httpStatus() < 500) {
                return new WriteResult(w, WriteStatus.FAILED, observed, e.getMessage());
            }
            LOG.warn("{}: the answer was lost ({}); reading it back", action, e.getMessage());
        }
        return verified(w, observed, who, after);
    }

    /** Reads the UPN back: the write stands only when the user now holds it. */
    private WriteResult verified(AttributeWrite w, AttributeValue observed, String who, String after) {
        String now;
        try {
            now = read(w.target()).getUserPrincipalName();
        } catch (GraphException e) {
            return new WriteResult(w, WriteStatus.FAILED, observed, "Whether " + who + " was renamed to " + after
                    + " is unknown: reading it back failed (" + e.getMessage() + ")");
        }
        if (after.equalsIgnoreCase(now)) {
            LOG.info("{} of {} is now {} on {}", ATTRIBUTE, w.target(), after, directory);
            return new WriteResult(w, WriteStatus.APPLIED, observed, "");
        }
        return new WriteResult(w, WriteStatus.FAILED, observed, who + " reads back as "
                + OktaEntraException.quote(now) + ", not " + after + ": not written");
    }

    private User read(String target) {
        User user = Calls.call("Reading the " + ATTRIBUTE + " of user " + target, () -> graph.users()
                .byUserId(target).get(rc -> {
                    rc.queryParameters.select = READ_FIELDS;
                    Calls.retry(rc, settings);
                }));
        if (user == null) {
            throw new GraphException("Reading user " + target + ": Graph sent no body", 200, null, null, null,
                    List.of());
        }
        return user;
    }

    /**
     * The attribute this writer writes.
     *
     * @return {@code [userPrincipalName]}
     */
    @Override
    public List<String> writableAttributes() {
        return List.of(ATTRIBUTE);
    }

    /**
     * What this writer writes to.
     *
     * @return e.g. {@code userPrincipalName on graph.microsoft.com (tenant …)}
     */
    @Override
    public String name() {
        return ATTRIBUTE + " on " + directory;
    }
}

package dev.oktaentra.okta;

import com.okta.sdk.resource.model.AppUser;
import com.okta.sdk.resource.model.AppUserStatus;
import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.provisioning.ProvisionedUser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams an app's users page by page: a page is fetched only when the previous one is used up, so a million users
 * never sit in memory at once.
 */
final class AppUsers {

    /** The app-user profile key Okta's Office 365 app stamps the ImmutableID in. */
    public static final String IMMUTABLE_ID = "immutableId";

    private final OktaApi api;
    private final int pageSize;

    /**
     * Reads app users through one API.
     *
     * @param api the API
     * @param pageSize the {@code limit} per page
     */
    public AppUsers(OktaApi api, int pageSize) {
        this.api = api;
        this.pageSize = pageSize;
    }

    /**
     * The users of one app.
     *
     * @param appId the app
     * @return a sequential, lazy stream
     */
    public Stream<ProvisionedUser> stream(String appId) {
        return StreamSupport.stream(new PageSpliterator(appId), false);
    }

    /**
     * Converts one app user.
     *
     * @param appId the app
     * @param user the SDK's app user
     * @param errors for a message naming the org
     * @return the port's user
     */
    static ProvisionedUser convert(String appId, AppUser user, OktaErrors errors) {
        if (user.getId() == null || user.getId().isBlank()) {
            throw errors.problem("app " + appId + " lists a user without an id; stopped, as a witness with a gap"
                    + " would mislead the validation.");
        }
        Object raw = user.getProfile() == null ? null : user.getProfile().get(IMMUTABLE_ID);
        ImmutableId immutableId;
        if (raw == null || (raw instanceof String s && s.isEmpty())) {
            immutableId = null;
        } else if (raw instanceof String s) {
            immutableId = ImmutableId.of(s);
        } else {
            throw errors.problem("app " + appId + ", user " + user.getId() + ": profile.immutableId is "
                    + raw.getClass().getSimpleName() + " " + OktaEntraException.quote(String.valueOf(raw))
                    + ", not text.");
        }
        String userName = user.getCredentials() == null ? null : user.getCredentials().getUserName();
        AppUserStatus status = user.getStatus();
        String statusText = status == null ? null
                : status == AppUserStatus.UNKNOWN_DEFAULT_OPEN_API ? "UNRECOGNISED" : status.getValue();
        return new ProvisionedUser(appId, user.getId(), userName, immutableId, user.getExternalId(), statusText);
    }

    private final class PageSpliterator extends Spliterators.AbstractSpliterator<ProvisionedUser> {

        private final String appId;
        private final Deque<AppUser> buffer = new ArrayDeque<>();
        private final Set<String> cursors = new HashSet<>();
        private String after;
        private boolean exhausted;

        PageSpliterator(String appId) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.appId = appId;
        }

        @Override
        public boolean tryAdvance(Consumer<? super ProvisionedUser> action) {
            while (buffer.isEmpty() && !exhausted) {
                Page<AppUser> page = api.appUsers(appId, after, pageSize);
                buffer.addAll(page.items());
                after = page.after();
                exhausted = after == null;
                if (after != null && !cursors.add(after)) {
                    throw api.errors().problem("the user list of app " + appId + " points to the cursor after="
                            + after + " a second time; stopped instead of looping.");
                }
            }
            AppUser next = buffer.poll();
            if (next == null) {
                return false;
            }
            action.accept(convert(appId, next, api.errors()));
            return true;
        }
    }
}

package dev.oktaentra.okta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists every Office 365 app instance of the org, all pages, from the raw JSON of {@code GET /api/v1/apps}.
 *
 * <p>The org filters on the server ({@code name eq "office365"}); the name is checked again on the JSON because
 * this list decides which apps get switched off, and an app that is not Office 365 must never be touched.
 */
final class Office365Apps {

    /** The OIN name of Microsoft Office 365. */
    public static final String NAME = "office365";

    /** The filter expression sent to Okta. */
    public static final String FILTER = "name eq \"" + NAME + "\"";

    private static final Logger LOG = LoggerFactory.getLogger(Office365Apps.class);

    private final OktaApi api;
    private final int pageSize;

    /**
     * Finds apps through one API.
     *
     * @param api the API
     * @param pageSize the {@code limit} per page
     */
    public Office365Apps(OktaApi api, int pageSize) {
        this.api = api;
        this.pageSize = pageSize;
    }

    /**
     * Every Office 365 app, in Okta's order.
     *
     * @return the apps
     * @throws OktaException when a page cannot be read or an app has no id
     */
    public List<AppRecord> list() {
        List<AppRecord> apps = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            Page<JsonNode> page = api.apps(FILTER, after, pageSize);
            pages++;
            for (JsonNode node : page.items()) {
                AppRecord app = record(node, api.errors());
                if (NAME.equals(app.name())) {
                    apps.add(app);
                } else {
                    ignored.add(app.id() + " (" + app.name() + ")");
                }
            }
            after = page.after();
            if (after != null && !cursors.add(after)) {
                throw api.errors().problem("page " + pages + " of the app list points to the cursor after="
                        + after + " a second time; stopped instead of looping.");
            }
        } while (after != null);
        if (!ignored.isEmpty()) {
            LOG.warn("Okta returned {} app(s) that are not {} despite the filter; they are ignored and left"
                    + " untouched: {}", ignored.size(), NAME, ignored);
        }
        LOG.info("Found {} Office 365 app(s) in {} page(s)", apps.size(), pages);
        return apps;
    }

    private static AppRecord record(JsonNode node, OktaErrors errors) {
        String id = text(node, "id");
        if (id == null || id.isBlank()) {
            throw errors.problem("the app list holds an app without an id: "
                    + OktaException.quote(String.valueOf(node)) + "; stopped, as no app can be left out safely.");
        }
        return new AppRecord(id, text(node, "name"), text(node, "label"), text(node, "status"),
                text(node, "signOnMode"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }
}

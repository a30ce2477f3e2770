package dev.oktaentra.okta;

import com.okta.sdk.resource.common.PagedList;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the {@code after} cursor from the {@code Link: <…>; rel="next"} header of an Okta list response.
 *
 * <p>The SDK hands the parsed links over as a {@link PagedList} (deprecated, but the only per-response view: the
 * non-deprecated {@code PaginationUtil} reads a per-thread header map with a case-sensitive {@code link} key and
 * fails on servers that send {@code Link}). {@code PagedList.getAfter()} itself throws on a query parameter without
 * {@code =}, so the next URL is parsed here.
 */
final class LinkPaging {

    private LinkPaging() {
    }

    /**
     * The cursor of the page after {@code page}.
     *
     * @param page what a list call returned
     * @return the cursor, or {@code null} when there is no next page
     * @throws IllegalStateException when a next link exists but carries no {@code after} cursor
     */
    @SuppressWarnings("deprecation")
    static String nextCursor(List<?> page) {
        if (!(page instanceof PagedList<?> paged) || paged.getNextPage() == null) {
            return null;
        }
        String next = paged.getNextPage();
        String after = queryParameter(next, "after");
        if (after == null || after.isEmpty()) {
            throw new IllegalStateException("the rel=\"next\" link " + dev.oktaentra.core.OktaEntraException.quote(next)
                    + " has no 'after' cursor, so the next page cannot be requested");
        }
        return after;
    }

    static String queryParameter(String url, String name) {
        String query;
        try {
            query = new URI(url).getRawQuery();
        } catch (URISyntaxException e) {
            int q = url.indexOf('?');
            query = q < 0 ? null : url.substring(q + 1);
        }
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}

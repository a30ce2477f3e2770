package dev.oktaentra.okta.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Okta's list paging and query strings, for the fake. */
final class Paging {

    private Paging() {
    }

    /** Okta-style cursor paging: {@code after} is the id of the previous page's last item. */
    static <T> Answer page(String orgUrl, int cap, String path, String rawQuery, Map<String, String> query, List<T> all,
            Function<T, String> id, int defaultLimit, int maxLimit, Function<T, ObjectNode> render) {
        int limit;
        try {
            limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : defaultLimit;
        } catch (NumberFormatException e) {
            return Answer.error(400, "E0000001", "Api validation failed: limit");
        }
        limit = Math.max(1, Math.min(Math.min(limit, maxLimit), cap));
        int start = 0;
        String after = query.get("after");
        if (after != null) {
            start = all.size();
            for (int i = 0; i < all.size(); i++) {
                if (id.apply(all.get(i)).equals(after)) {
                    start = i + 1;
                    break;
                }
            }
        }
        int end = Math.min(all.size(), start + limit);
        ArrayNode body = OktaJson.MAPPER.createArrayNode();
        for (T item : all.subList(start, end)) {
            body.add(render.apply(item));
        }
        Answer answer = Answer.json(200, body);
        List<String> links = new ArrayList<>();
        links.add("<" + orgUrl + path + (rawQuery == null ? "" : "?" + rawQuery) + ">; rel=\"self\"");
        if (end < all.size()) {
            Map<String, String> next = new LinkedHashMap<>(query);
            next.put("limit", Integer.toString(limit));
            next.put("after", id.apply(all.get(end - 1)));
            links.add("<" + orgUrl + path + "?" + encode(next) + ">; rel=\"next\"");
        }
        // One header line per relation: the SDK's parser does not split a comma-joined Link header.
        answer.headers().put("Link", links);
        return answer;
    }

    static Map<String, String> parse(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    static String encode(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(k, StandardCharsets.UTF_8).replace("+", "%20")).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
        });
        return out.toString();
    }
}

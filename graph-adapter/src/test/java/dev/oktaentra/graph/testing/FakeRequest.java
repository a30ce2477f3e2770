package dev.oktaentra.graph.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request as the fake's routes see it, whether it arrived over HTTP or inside a {@code $batch}. */
record FakeRequest(String method, String path, String rawQuery, Map<String, String> query,
        Map<String, List<String>> headers, byte[] body) {

    static FakeRequest of(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body) {
        String path = decode(rawPath);
        if (path.startsWith("/v1.0")) {
            path = path.substring("/v1.0".length());
        }
        return new FakeRequest(method.toUpperCase(Locale.ROOT), path.isEmpty() ? "/" : path,
                rawQuery == null ? "" : rawQuery, parseQuery(rawQuery), headers, body == null ? new byte[0] : body);
    }

    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A query parameter, OData names with or without their {@code $}. */
    String param(String name) {
        String value = query.get(name);
        return value != null ? value : query.get(name.startsWith("$") ? name.substring(1) : "$" + name);
    }

    String decodedQuery() {
        return decode(rawQuery.replace("+", "%2B"));
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1).replace("+", "%2B"));
            query.put(key, value);
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}

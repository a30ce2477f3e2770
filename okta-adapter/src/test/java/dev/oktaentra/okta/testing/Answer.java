package dev.oktaentra.okta.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One answer of the fake: status, JSON body (or {@code null} for none) and extra headers.
 *
 * @param status the HTTP status
 * @param body the JSON body, or {@code null}
 * @param headers extra headers; a name may repeat as several lines
 */
record Answer(int status, JsonNode body, Map<String, List<String>> headers) {

    static Answer json(int status, JsonNode body) {
        return new Answer(status, body, new LinkedHashMap<>());
    }

    static Answer error(int status, String code, String summary) {
        return json(status, OktaJson.error(code, summary));
    }
}

package dev.oktaentra.graph;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams one page of Graph's {@code /users} answer ({@code {"value": [...], "@odata.nextLink": "..."}}) user by user,
 * so a page of 999 users is never one tree in memory; a body that is missing, not a JSON object or without its
 * {@code value} list is a {@link GraphException} naming the request.
 */
final class UserPageStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UserPageStream() {
    }

    /**
     * Hands each user of the page to {@code eachUser}.
     *
     * @param body the answer's body, or {@code null} when Graph sent none
     * @param action the request, for messages
     * @param eachUser what to do with each user's JSON
     * @return the page's {@code @odata.nextLink}, or {@code null} on the last page
     * @throws IOException when the body cannot be read
     */
    static String read(InputStream body, String action, Consumer<JsonNode> eachUser) throws IOException {
        if (body == null) {
            throw new GraphException(action + ": Graph sent no body", 0, null, null, null, List.of());
        }
        String nextLink = null;
        boolean sawValue = false;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new GraphException(action + ": Graph's answer is not a JSON object", 200, null, null, null,
                        List.of());
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                if (field.equals("value") && token == JsonToken.START_ARRAY) {
                    sawValue = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        eachUser.accept(p.readValueAsTree());
                    }
                } else if (field.equals("@odata.nextLink") && token == JsonToken.VALUE_STRING) {
                    nextLink = p.getText();
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new GraphException(action + ": Graph's answer is not valid JSON: "
                    + Redaction.scrub(e.getOriginalMessage()), 200, null, null, null, List.of());
        }
        if (!sawValue) {
            throw new GraphException(action + ": Graph's answer has no 'value' list of users", 200, null, null, null,
                    List.of());
        }
        return nextLink;
    }
}

package dev.oktaentra.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.core.tenant.OnDemandProvisioning;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the answer of {@code provisionOnDemand}: a {@code stringKeyStringValuePair} whose {@code key} and
 * {@code value} are themselves JSON, sent as strings ("key": "{\"result\":\"Success\",\"details\":{}}", "value":
 * "{\"provisioningSteps\":[…]…}",
 * https://learn.microsoft.com/graph/api/synchronization-synchronizationjob-provisionondemand, examples 1 and 2). A key
 * or value that is not a JSON object is an error naming the job and the user, never a guess.
 */
final class OnDemandAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OnDemandAnswer() {
    }

    /**
     * Parses the two strings.
     *
     * @param jobId the job, for messages
     * @param subject the user's DN, for messages
     * @param key the answer's {@code key}
     * @param value the answer's {@code value}
     * @return the answer
     * @throws GraphException when either is missing or not a JSON object
     */
    static OnDemandProvisioning parse(String jobId, String subject, String key, String value) {
        JsonNode k = object(jobId, subject, "key", key);
        JsonNode v = object(jobId, subject, "value", value);
        JsonNode details = k.path("details");
        JsonNode status = v.path("statusInfo");
        String errorCode = text(details, "errorCode");
        String errorMessage = text(details, "errorMessage");
        if (errorCode == null) {
            errorCode = text(status, "errorCode");
            errorMessage = errorMessage != null ? errorMessage : text(status, "reason");
        }
        List<OnDemandProvisioning.Step> steps = new ArrayList<>();
        for (JsonNode s : v.path("provisioningSteps")) {
            steps.add(new OnDemandProvisioning.Step(text(s, "name"), text(s, "type"), text(s, "status"),
                    text(s, "description")));
        }
        return new OnDemandProvisioning(jobId, subject, text(k, "result"), errorCode, errorMessage,
                text(v, "action"), steps, text(v.path("targetIdentity"), "id"), text(v, "reportableIdentifier"));
    }

    private static JsonNode object(String jobId, String subject, String field, String raw) {
        String where = "The on-demand provisioning of " + subject + " through cloud sync job " + jobId;
        if (raw == null || raw.isBlank()) {
            throw new GraphException(where + " answered without a '" + field + "'; whether the user was matched or "
                    + "created is unknown", null);
        }
        try {
            JsonNode node = JSON.readTree(raw);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            throw new GraphException(where + " answered a '" + field + "' that is not JSON (" + shorten(raw)
                    + "): " + e.getOriginalMessage(), e);
        }
        throw new GraphException(where + " answered a '" + field + "' that is not a JSON object (" + shorten(raw)
                + ")", null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode f = node.get(field);
        return f == null || f.isNull() ? null : f.isValueNode() ? f.asText() : f.toString();
    }

    private static String shorten(String raw) {
        return raw.length() <= 60 ? "'" + raw + "'" : "'" + raw.substring(0, 60) + "…'";
    }
}

package dev.oktaentra.core.migration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;

/**
 * A {@link Change} in the journal: {@code {"id", "kind", "system", "target", "attribute", "before", "after",
 * "reason"}}, the values as text for people. The {@code system} is written for people and ignored on reading: the
 * kind, looked up by name among the kinds the journal was opened with, says where a change is written. A line
 * without a {@code kind} was written before kinds were named and is read as {@link LegacyChanges} says.
 */
final class ChangeJson {

    private ChangeJson() {
    }

    /** Writes a change. */
    static final class Writer extends JsonSerializer<Change> {
        @Override
        public void serialize(Change change, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeStringField("id", change.id());
            json.writeStringField("kind", change.kind().name());
            json.writeStringField("system", change.system().name());
            json.writeStringField("target", change.target());
            json.writeStringField("attribute", change.attribute());
            json.writeStringField("before", change.before());
            json.writeStringField("after", change.after());
            json.writeStringField("reason", change.reason());
            json.writeEndObject();
        }
    }

    /** Reads a change, resolving its kind among the journal's ({@link ChangeKinds} as a reader attribute). */
    static final class Reader extends JsonDeserializer<Change> {
        @Override
        public Change deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            JsonNode node = parser.readValueAsTree();
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("a change is not a JSON object: " + node);
            }
            Object attribute = ctxt.getAttribute(ChangeKinds.class);
            ChangeKinds kinds = attribute instanceof ChangeKinds known ? known : ChangeKinds.builtIns();
            String name = text(node, "kind");
            String target = text(node, "target");
            String changed = text(node, "attribute");
            ChangeKind kind = name != null ? kinds.find(name).orElseThrow(() -> new UnknownKind("a change of kind '"
                    + name + "' (" + changed + " of " + target + "), which this migration does not know: register "
                    + "it with Migration.builder().changeKind(…), as the run that wrote the journal did, and "
                    + "open it again")) : legacy(node, changed, target);
            return new Change(text(node, "id"), kind, target, changed, text(node, "before"), text(node, "after"),
                    text(node, "reason"));
        }

        private static ChangeKind legacy(JsonNode node, String attribute, String target) {
            String system = text(node, "system");
            if (system == null || attribute == null) {
                throw new IllegalArgumentException("a change names neither its kind nor its system and attribute");
            }
            TargetSystem where = TargetSystem.valueOf(system);
            return LegacyChanges.kindOf(where, attribute).orElseThrow(() -> new UnknownKind("a " + where
                    + " change of " + attribute + " of " + target + " recorded before change kinds were named; no "
                    + "kind writes such a change (it was refused when applied), so the journal cannot be read as "
                    + "it was meant"));
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    /** A change whose kind the journal cannot resolve: never read as another kind. */
    static final class UnknownKind extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownKind(String message) {
            super(message);
        }

        /** The first {@code UnknownKind} among a failure's causes, or {@code null}. */
        static UnknownKind in(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof UnknownKind found) {
                    return found;
                }
            }
            return null;
        }
    }
}

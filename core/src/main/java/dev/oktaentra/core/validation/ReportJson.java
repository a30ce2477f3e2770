package dev.oktaentra.core.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.oktaentra.core.tenant.SyncFeatures;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * The JSON of a {@link ValidationSummary} and of a {@link ValidationFinding}, written field by field with Jackson's
 * streaming generator: exactly what Jackson's data binding writes for these records (same names, order and nulls;
 * a test compares the two on random reports), without it. In a fresh process, data binding first builds an object
 * mapper and inspects each record class by reflection, loading some six hundred classes: about half a second of
 * CPU, more than the whole report of a small validation, paid by every {@code validate} run.
 */
final class ReportJson {

    /** Jackson's streaming factory; no data binding behind it. */
    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private ReportJson() {
    }

    /** The summary, as one object. */
    static void summary(JsonGenerator g, ValidationSummary s) throws IOException {
        g.writeStartObject();
        g.writeStringField("anchor", s.anchor());
        g.writeStringField("engine", s.engine());
        g.writeFieldName("syncFeatures");
        syncFeatures(g, s.syncFeatures());
        g.writeStringField("syncFeaturesSource", s.syncFeaturesSource());
        g.writeFieldName("rules");
        strings(g, s.rules());
        g.writeStringField("onPremSource", s.onPremSource());
        g.writeStringField("cloudSource", s.cloudSource());
        g.writeNumberField("total", s.total());
        counts(g, "counts", s.counts());
        counts(g, "causes", s.causes());
        g.writeNumberField("adminRoleSoftMatches", s.adminRoleSoftMatches());
        g.writeNumberField("adminRoleHardMatches", s.adminRoleHardMatches());
        counts(g, "hardMatchBlocks", s.hardMatchBlocks());
        counts(g, "softMatchBlocks", s.softMatchBlocks());
        counts(g, "scopeExclusions", s.scopeExclusions());
        g.writeNumberField("uniquenessConflicts", s.uniquenessConflicts());
        g.writeFieldName("prediction");
        prediction(g, s.prediction());
        g.writeArrayFieldStart("attributeMappings");
        for (AttributeMapping m : s.attributeMappings()) {
            g.writeStartObject();
            g.writeStringField("onPremAttribute", m.onPremAttribute());
            g.writeStringField("cloudField", m.cloudField());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("warnings");
        strings(g, s.warnings());
        g.writeEndObject();
    }

    /** The tenant features, as one object. */
    static void syncFeatures(JsonGenerator g, SyncFeatures f) throws IOException {
        if (f == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeBooleanField("blockSoftMatchEnabled", f.blockSoftMatchEnabled());
        g.writeBooleanField("blockCloudObjectTakeoverThroughHardMatchEnabled",
                f.blockCloudObjectTakeoverThroughHardMatchEnabled());
        g.writeBooleanField("softMatchOnUpnEnabled", f.softMatchOnUpnEnabled());
        g.writeBooleanField("allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled",
                f.allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled());
        g.writeEndObject();
    }

    /** The staging prediction, as one object. */
    static void prediction(JsonGenerator g, StagingPrediction p) throws IOException {
        if (p == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("adds", p.adds());
        g.writeNumberField("conflictingAdds", p.conflictingAdds());
        g.writeNumberField("updates", p.updates());
        g.writeNumberField("deletes", p.deletes());
        g.writeNumberField("attributeDeletions", p.attributeDeletions());
        counts(g, "attributeDeletionsByAttribute", p.attributeDeletionsByAttribute());
        g.writeNumberField("orphansLeftBehind", p.orphansLeftBehind());
        g.writeNumberField("orphansStillSynced", p.orphansStillSynced());
        g.writeNumberField("attributeChanges", p.attributeChanges());
        counts(g, "attributeChangesByAttribute", p.attributeChangesByAttribute());
        g.writeEndObject();
    }

    /**
     * A finding, as one object.
     *
     * @param cloudUpnDomain the {@code cloudUpnDomain} field written last, or {@code null} for none
     */
    static void finding(JsonGenerator g, ValidationFinding f, String cloudUpnDomain) throws IOException {
        g.writeStartObject();
        g.writeStringField("side", name(f.side()));
        g.writeStringField("outcome", name(f.outcome()));
        g.writeStringField("cause", name(f.cause()));
        g.writeStringField("rule", f.rule());
        g.writeStringField("userPrincipalName", f.userPrincipalName());
        g.writeStringField("distinguishedName", f.distinguishedName());
        g.writeStringField("objectGuid", f.objectGuid());
        g.writeStringField("expectedImmutableId", f.expectedImmutableId());
        g.writeStringField("cloudImmutableId", f.cloudImmutableId());
        g.writeStringField("cloudId", f.cloudId());
        g.writeStringField("cloudUserPrincipalName", f.cloudUserPrincipalName());
        g.writeStringField("cloudPrimarySmtpAddress", f.cloudPrimarySmtpAddress());
        g.writeBooleanField("holdsAdminRole", f.holdsAdminRole());
        g.writeBooleanField("cloudSynced", f.cloudSynced());
        g.writeObjectFieldStart("attributeDeletions");
        for (Map.Entry<String, String> e : f.attributeDeletions().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("attributeChanges");
        for (TakeoverChange c : f.attributeChanges()) {
            g.writeStartObject();
            g.writeStringField("attribute", c.attribute());
            g.writeStringField("before", c.before());
            g.writeStringField("after", c.after());
            g.writeFieldName("lost");
            strings(g, c.lost());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("blockReasons");
        for (Enum<?> reason : f.blockReasons()) {
            g.writeString(reason.name());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("uniquenessConflicts");
        for (UniquenessConflict c : f.uniquenessConflicts()) {
            g.writeStartObject();
            g.writeStringField("attribute", c.attribute());
            g.writeStringField("value", c.value());
            g.writeStringField("holderId", c.holderId());
            g.writeStringField("holderUserPrincipalName", c.holderUserPrincipalName());
            g.writeStringField("holderSide", c.holderSide().name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("scopeRule", name(f.scopeRule()));
        g.writeStringField("note", f.note());
        g.writeStringField("source", f.source());
        g.writeStringField("location", f.location());
        if (cloudUpnDomain != null) {
            g.writeStringField(ReportFiles.CLOUD_UPN_DOMAIN, cloudUpnDomain);
        }
        g.writeEndObject();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static void strings(JsonGenerator g, Collection<String> values) throws IOException {
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    /** A map of counts by enum or by name, as one object; a {@code null} map as null. */
    private static void counts(JsonGenerator g, String field, Map<?, Long> counts) throws IOException {
        g.writeFieldName(field);
        if (counts == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        for (Map.Entry<?, Long> e : counts.entrySet()) {
            Object key = e.getKey();
            g.writeFieldName(key instanceof Enum<?> named ? named.name() : String.valueOf(key));
            if (e.getValue() == null) {
                g.writeNull();
            } else {
                g.writeNumber(e.getValue());
            }
        }
        g.writeEndObject();
    }
}

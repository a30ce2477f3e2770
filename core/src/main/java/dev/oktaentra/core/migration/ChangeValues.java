package dev.oktaentra.core.migration;

import dev.oktaentra.core.anchor.Anchors;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.tenant.MatchBlocks;

/**
 * How a {@link Change}'s text values map to what the ports take: GUID-valued AD attributes become their 16 bytes,
 * the tenant's guards a pair of booleans, everything else stays text.
 */
final class ChangeValues {

    static final String PROVISIONING = ChangeAttributes.PROVISIONING;
    static final String MATCH_BLOCKS = ChangeAttributes.MATCH_BLOCKS;
    static final String CLOUD_SYNC_JOB = ChangeAttributes.CLOUD_SYNC_JOB;
    static final String JOB_ACTIVE = ChangeAttributes.JOB_ACTIVE;
    static final String JOB_RESTARTED = ChangeAttributes.JOB_RESTARTED;

    private ChangeValues() {
    }

    static boolean binaryGuid(String attribute) {
        return attribute.equalsIgnoreCase("mS-DS-ConsistencyGuid") || attribute.equalsIgnoreCase("objectGUID");
    }

    static AttributeWrite toWrite(Change change) {
        return new AttributeWrite(change.target(), change.attribute(), value(change.attribute(), change.before()),
                value(change.attribute(), change.after()));
    }

    private static AttributeValue value(String attribute, String text) {
        if (text == null) {
            return null;
        }
        return binaryGuid(attribute) ? AttributeValue.ofBytes(Anchors.objectGuid(text).bytes())
                : AttributeValue.ofString(text);
    }

    /** A port's value as the journal writes it: GUID text for 16-byte GUID attributes. */
    static String toText(String attribute, AttributeValue value) {
        if (value == null) {
            return null;
        }
        if (binaryGuid(attribute) && value.length() == ObjectGuid.LENGTH) {
            return ObjectGuid.of(value.bytes()).toString();
        }
        return value.isText() ? value.asString() : value.toString();
    }

    static String text(MatchBlocks blocks) {
        return ChangeAttributes.matchBlocks(blocks);
    }

    static MatchBlocks matchBlocks(String text) {
        boolean soft = false;
        boolean hard = false;
        for (String part : text.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("Not a matchBlocks value: " + text);
            }
            boolean on = Boolean.parseBoolean(pair[1].strip());
            switch (pair[0].strip()) {
                case "blockSoftMatchEnabled" -> soft = on;
                case "blockCloudObjectTakeoverThroughHardMatchEnabled" -> hard = on;
                default -> throw new IllegalArgumentException("Not a matchBlocks value: " + text);
            }
        }
        return new MatchBlocks(soft, hard);
    }
}

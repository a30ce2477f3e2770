package dev.oktaentra.core.staging;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The {@code operation} of a connector-space {@code <delta>}: what the export would do to the whole object. */
public enum ObjectOperation {
    /** No change ({@code none}). */
    NONE("none"),
    /** A new object in Entra ID ({@code add}). */
    ADD("add"),
    /** Every attribute is given anew ({@code replace}); counted as an update. */
    REPLACE("replace"),
    /** Some attributes change ({@code update}). */
    UPDATE("update"),
    /** The object is deleted from Entra ID ({@code delete}). */
    DELETE("delete"),
    /** The object is deleted and created again ({@code delete-add}): the cloud object and its mailbox are lost. */
    DELETE_ADD("delete-add"),
    /** A delta the engine has superseded ({@code obsolete}). */
    OBSOLETE("obsolete");

    private final String xmlName;

    ObjectOperation(String xmlName) {
        this.xmlName = xmlName;
    }

    /**
     * The name as the XML writes it.
     *
     * @return e.g. {@code delete-add}; also the JSON form
     */
    @JsonValue
    public String xmlName() {
        return xmlName;
    }

    /**
     * Whether this operation changes Entra ID at all.
     *
     * @return false for {@link #NONE} and {@link #OBSOLETE}
     */
    public boolean isPending() {
        return this != NONE && this != OBSOLETE;
    }

    /**
     * Reads an operation name, case-insensitively; also accepts {@code modify} (the cs-object's
     * {@code export-delta-operation} and some tools' word for an update) and {@code deleteadd}.
     *
     * @param text the name
     * @return the operation, or {@code null} when the text names none
     */
    public static ObjectOperation fromName(String text) {
        if (text == null) {
            return null;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "none": return NONE;
            case "add": return ADD;
            case "replace": return REPLACE;
            case "update":
            case "modify": return UPDATE;
            case "delete": return DELETE;
            case "delete-add":
            case "deleteadd":
            case "delete add": return DELETE_ADD;
            case "obsolete": return OBSOLETE;
            default: return null;
        }
    }
}

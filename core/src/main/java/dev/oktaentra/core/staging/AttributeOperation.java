package dev.oktaentra.core.staging;

import java.util.Locale;

/** The {@code operation} of an {@code <attr>} or {@code <dn-attr>} inside a delta. */
public enum AttributeOperation {
    /** The attribute gets values it did not have. */
    ADD,
    /** The attribute's values are replaced by the listed ones; none listed means the attribute is cleared. */
    REPLACE,
    /** Values are added or deleted one by one ({@code <value operation="add|delete">}). */
    UPDATE,
    /** The attribute is removed. */
    DELETE;

    /**
     * Reads an operation name, case-insensitively; {@code modify} is read as {@link #UPDATE}.
     *
     * @param text the name
     * @return the operation, or {@code null} when the text names none
     */
    public static AttributeOperation fromName(String text) {
        if (text == null) {
            return null;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "add": return ADD;
            case "replace": return REPLACE;
            case "update":
            case "modify": return UPDATE;
            case "delete": return DELETE;
            default: return null;
        }
    }
}

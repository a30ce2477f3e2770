package dev.oktaentra.core.staging;

import java.util.Locale;

/** The {@code operation} of one {@code <value>} or {@code <dn-value>} of a multi-valued attribute. */
public enum ValueOperation {
    /** No operation given: the value is part of the attribute's new set. */
    SET,
    /** The value is added. */
    ADD,
    /** The value is removed. */
    DELETE;

    /**
     * Reads a value operation; an absent one is {@link #SET}.
     *
     * @param text the {@code operation} attribute, or {@code null}
     * @return the operation, or {@code null} when the text names none
     */
    public static ValueOperation fromName(String text) {
        if (text == null || text.isBlank()) {
            return SET;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "add": return ADD;
            case "delete": return DELETE;
            default: return null;
        }
    }
}

package dev.oktaentra.core.staging;

/**
 * The {@code <export-errordetail>} of an object: the last export of it failed. Every component is {@code null} when
 * the file does not give it.
 *
 * @param errorType the error type, e.g. {@code cd-error} or {@code AttributeValueMustBeUnique}
 * @param errorCode the error code, e.g. {@code 0x80230306}
 * @param errorName the error name
 * @param errorLiteral the error text as the connector reported it
 * @param serverErrorDetail further detail from the service
 * @param dateOccurred when the error occurred, as the file writes it
 */
public record ExportError(String errorType, String errorCode, String errorName, String errorLiteral,
        String serverErrorDetail, String dateOccurred) {

    /**
     * A one-line description for reports: the name or type, then the literal text.
     *
     * @return e.g. {@code AttributeValueMustBeUnique: Unable to update this object…}
     */
    public String describe() {
        String head = errorName != null ? errorName : errorType != null ? errorType : errorCode;
        String text = errorLiteral != null ? errorLiteral : serverErrorDetail;
        if (head == null) {
            return text == null ? "export error" : text;
        }
        return text == null ? head : head + ": " + text;
    }
}

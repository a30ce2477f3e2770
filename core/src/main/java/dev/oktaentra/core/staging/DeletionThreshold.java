package dev.oktaentra.core.staging;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Entra Connect's guard against accidental deletes, applied to one pending export:
 * {@code {"limit":500,"deletes":N,"exceeded":false}}.
 *
 * <p>Source: "Microsoft Entra Connect Sync: Prevent accidental deletes"
 * (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-sync-feature-prevent-accidental-deletes,
 * ms.date 04/09/2025): "the feature to prevent accidental deletes is enabled by default and configured to not allow
 * an export with more than 500 deletes", so {@code exceeded} means more than {@code limit}, not as many; "If there
 * are too many deletes staged to be exported to Microsoft Entra ID, then the export stops before deleting any
 * object", and its e-mail says "As a result, no objects were exported": the adds and updates of that export stop
 * too. The limit is changed on the server with {@code Enable-ADSyncExportDeletionThreshold -DeletionThreshold N}.
 *
 * <p>The page does not say whether a {@code delete-add} counts; it deletes the cloud object, so it is counted here,
 * which can only make the prediction stop the cutover sooner (the safer side). Reviewed leavers' deletes count too:
 * the server does not know who reviewed them.
 *
 * @param limit the most deletes one export may hold, {@link #DEFAULT_LIMIT} unless the server's was changed
 * @param deletes the export's deletes and delete-adds, of every object type
 */
@JsonPropertyOrder({"limit", "deletes", "exceeded"})
public record DeletionThreshold(long limit, long deletes) {

    /** Entra Connect's threshold after installation. */
    public static final int DEFAULT_LIMIT = 500;

    /**
     * Whether Entra Connect would stop this export.
     *
     * @return true when the export holds more deletes than the limit
     */
    @JsonProperty("exceeded")
    public boolean exceeded() {
        return deletes > limit;
    }
}

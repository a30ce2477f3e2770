package dev.oktaentra.core.staging;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.InvalidAnchorException;
import dev.oktaentra.core.directory.ProxyAddresses;
import java.util.List;
import java.util.Objects;

/**
 * One {@code <cs-object>} of a connector-space export: its identity, the pending export delta and its holograms.
 *
 * <p>"Before" values come from the {@code pending-import-hologram} when present (the newest state read from Entra
 * ID), otherwise from the {@code synchronized-hologram}; this is also where a delete's attributes are read. "After"
 * values come from the {@code unapplied-export-hologram}, or are computed from the delta when the file has none.
 *
 * @param csDn the {@code cs-dn}; for the AAD connector <code>CN=&#123;hex&#125;</code>; never null
 * @param id the connector-space object id, e.g. <code>&#123;1111…&#125;</code>, or {@code null}
 * @param objectType the {@code object-type}, e.g. {@code user}; never null
 * @param delta the {@code unapplied-export} delta, or {@code null} when nothing is pending
 * @param synchronizedHologram the {@code synchronized-hologram}, or {@code null}
 * @param unappliedExportHologram the {@code unapplied-export-hologram}, or {@code null}
 * @param pendingImportHologram the {@code pending-import-hologram}, or {@code null}
 * @param exportError the {@code export-errordetail}, or {@code null}
 * @param exportDeltaOperation the cs-object's {@code export-delta-operation} text (e.g. {@code modify}), or
 *     {@code null}
 * @param location where the object starts in its file, e.g. {@code line 42}; never null
 */
public record PendingExport(String csDn, String id, String objectType, ExportDelta delta,
        Hologram synchronizedHologram, Hologram unappliedExportHologram, Hologram pendingImportHologram,
        ExportError exportError, String exportDeltaOperation, String location) {

    /** Name of the attribute that holds the object's ImmutableID in the AAD connector space. */
    public static final String SOURCE_ANCHOR = "sourceAnchor";
    /** Name of the UPN attribute in the AAD connector space. */
    public static final String USER_PRINCIPAL_NAME = "userPrincipalName";
    /** Name of the proxy addresses attribute. */
    public static final String PROXY_ADDRESSES = "proxyAddresses";

    /**
     * Checks the required components.
     *
     * @param csDn the {@code cs-dn}; for the AAD connector <code>CN=&#123;hex&#125;</code>; never null
     * @param id the connector-space object id, e.g. <code>&#123;1111…&#125;</code>, or {@code null}
     * @param objectType the {@code object-type}, e.g. {@code user}; never null
     * @param delta the {@code unapplied-export} delta, or {@code null} when nothing is pending
     * @param synchronizedHologram the {@code synchronized-hologram}, or {@code null}
     * @param unappliedExportHologram the {@code unapplied-export-hologram}, or {@code null}
     * @param pendingImportHologram the {@code pending-import-hologram}, or {@code null}
     * @param exportError the {@code export-errordetail}, or {@code null}
     * @param exportDeltaOperation the cs-object's {@code export-delta-operation} text (e.g. {@code modify}), or
     *        {@code null}
     * @param location where the object starts in its file, e.g. {@code line 42}; never null
     */
    public PendingExport {
        Objects.requireNonNull(csDn, "csDn");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(location, "location");
    }

    /**
     * What the pending export does to the object.
     *
     * @return the delta's operation, {@link DeltaOperation#NONE} when there is no delta
     */
    public DeltaOperation operation() {
        return delta == null ? DeltaOperation.NONE : delta.operation();
    }

    /**
     * The state before the export: the pending-import hologram, else the synchronized one.
     *
     * @return the hologram, {@link Hologram#EMPTY} when the file has neither
     */
    public Hologram before() {
        if (pendingImportHologram != null) {
            return pendingImportHologram;
        }
        return synchronizedHologram == null ? Hologram.EMPTY : synchronizedHologram;
    }

    /**
     * An attribute's values before the export.
     *
     * @param name the attribute name, any case
     * @return the values, empty when absent
     */
    public List<String> valuesBefore(String name) {
        return before().values(name);
    }

    /**
     * An attribute's values once the export is applied: none for a delete; else the unapplied-export hologram's,
     * or the before values with the delta applied.
     *
     * @param name the attribute name, any case
     * @return the values, empty when absent
     */
    public List<String> valuesAfter(String name) {
        DeltaOperation op = operation();
        if (op == DeltaOperation.DELETE) {
            return List.of();
        }
        if (unappliedExportHologram != null) {
            return unappliedExportHologram.values(name);
        }
        AttributeDelta change = delta == null ? null : delta.attribute(name);
        List<String> before = op == DeltaOperation.ADD || op == DeltaOperation.DELETE_ADD ? List.of() : valuesBefore(name);
        return change == null ? before : change.apply(before);
    }

    /**
     * The value the object is best known by for an attribute: after the export, or before it for a delete (and
     * when the export leaves the attribute empty).
     *
     * @param name the attribute name, any case
     * @return the first value, or {@code null}
     */
    public String current(String name) {
        List<String> after = valuesAfter(name);
        if (!after.isEmpty()) {
            return after.get(0);
        }
        List<String> before = valuesBefore(name);
        return before.isEmpty() ? null : before.get(0);
    }

    /**
     * The object's UPN.
     *
     * @return the {@code userPrincipalName}, or {@code null} when the file does not show one
     */
    public String userPrincipalName() {
        return current(USER_PRINCIPAL_NAME);
    }

    /**
     * The object's primary SMTP address, the only proxy address Entra's soft match evaluates: after the export,
     * else before it.
     *
     * @return the {@code SMTP:} proxy address without prefix, or {@code null}
     */
    public String primarySmtpAddress() {
        String primary = ProxyAddresses.primarySmtp(valuesAfter(PROXY_ADDRESSES));
        return primary != null ? primary : ProxyAddresses.primarySmtp(valuesBefore(PROXY_ADDRESSES));
    }

    /**
     * The object's sourceAnchor (the cloud's ImmutableID): the {@code sourceAnchor} attribute of a hologram or the
     * delta, else decoded from a connector-space DN <code>CN=&#123;hex&#125;</code> ({@code cs-dn}, then the delta's
     * {@code dn}).
     *
     * @return the anchor, or {@code null} when neither gives one
     */
    public ImmutableId sourceAnchor() {
        String value = current(SOURCE_ANCHOR);
        if (value != null && !value.isEmpty()) {
            return ImmutableId.of(value);
        }
        ImmutableId fromDn = decodeDn(csDn);
        if (fromDn == null && delta != null) {
            fromDn = decodeDn(delta.dn());
        }
        return fromDn;
    }

    private static ImmutableId decodeDn(String dn) {
        if (dn == null || !dn.regionMatches(true, 0, "CN={", 0, 4)) {
            return null;
        }
        try {
            return ImmutableId.fromConnectorSpaceDn(dn);
        } catch (InvalidAnchorException e) {
            // Not an AAD connector-space DN (an AD connector's DN, or a malformed one): no anchor from it.
            return null;
        }
    }
}

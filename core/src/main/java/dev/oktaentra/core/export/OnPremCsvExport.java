package dev.oktaentra.core.export;

import dev.oktaentra.core.anchor.Anchors;
import dev.oktaentra.core.anchor.InvalidAnchorException;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * On-prem users from a {@code Get-ADUser | Export-Csv} file (see {@link ExportCommands#ON_PREM}).
 *
 * <p>Columns are found by header name, case-insensitively: {@code DistinguishedName} (or {@code DN}),
 * {@code ObjectGUID} and {@code UserPrincipalName} (or {@code UPN}) are required; {@code SamAccountName},
 * {@code mS-DS-ConsistencyGuid} (GUID text or Base64; also {@code msDS-ConsistencyGuid}), {@code mail} (or
 * {@code EmailAddress}), {@code proxyAddresses} (joined by {@code ;}), {@code displayName},
 * {@code isCriticalSystemObject} ({@code True}, {@code False} or empty), {@code mailNickname} and
 * {@code msExchRecipientTypeDetails} (a whole number) are read when present; every other column becomes an attribute
 * of the same name, e.g. {@code employeeID} for a custom anchor or rule.
 *
 * <p>An optional column the file lacks (an export made before the command asked for it) is read as empty for every
 * user, and {@link #missingOptionalColumns()} and {@link #unreadFields()} say so, so that the report can warn: an
 * export without {@code mS-DS-ConsistencyGuid} cannot show a stale consistency GUID, which Entra Connect would use as
 * the source anchor (plan-connect-design-concepts, "Using ms-DS-ConsistencyGuid as sourceAnchor"); one without
 * {@code isCriticalSystemObject}, {@code sAMAccountName}, {@code mailNickname} or {@code msExchRecipientTypeDetails}
 * cannot show the objects Connect's default rules leave out (concept-azure-ad-connect-sync-default-configuration,
 * "User out-of-box rules").
 *
 * <p>A row that cannot be used (a bad GUID, no UPN, too few values) is a {@link DirectoryRecord.Rejected} naming
 * the file and line; the read goes on. A usable row carries its line too ({@link DirectoryRecord.Usable#line()}),
 * and the user's {@link OnPremUser#origin() origin} is the file name. A file that is not such an export fails at once with an
 * {@link ExportFileException}: one that names a column twice (two {@code ObjectGUID}s, or {@code UserPrincipalName}
 * and {@code UPN}) is refused naming both, and a Get-MgUser export (which {@link CloudCsvExport} reads) is recognised and named as one. A
 * field longer than 1 MiB (1,048,576 characters) or a row of more than 16,384 fields stops the read with the file and
 * line, before the field is held in memory.
 */
public final class OnPremCsvExport extends CsvExport<OnPremUser> implements OnPremDirectory {

    private OnPremCsvExport(Path file) {
        super(file, ExportKind.ON_PREM);
    }

    /**
     * Opens an export and checks its header.
     *
     * @param file the CSV file
     * @return the directory
     * @throws ExportFileException when the file is missing, not a CSV, or lacks a required column
     */
    public static OnPremCsvExport open(Path file) {
        return new OnPremCsvExport(file);
    }

    @Override
    public Stream<DirectoryRecord<OnPremUser>> records() {
        return stream(this::toRecord);
    }

    private DirectoryRecord<OnPremUser> toRecord(CsvSource source, CsvSource.Row row) {
        String dn = row.get(Column.DISTINGUISHED_NAME);
        String upn = row.get(Column.USER_PRINCIPAL_NAME);
        String identity = upn != null ? upn : dn;
        if (!row.complete()) {
            return Rows.incomplete(source, row, identity);
        }
        if (dn == null) {
            return Rows.reject(source, row, identity, "has no DistinguishedName");
        }
        String guidText = row.get(Column.OBJECT_GUID);
        if (guidText == null) {
            return Rows.reject(source, row, identity, "has no ObjectGUID");
        }
        ObjectGuid objectGuid;
        ObjectGuid consistencyGuid = null;
        try {
            objectGuid = ObjectGuid.parse(guidText);
        } catch (InvalidAnchorException e) {
            return Rows.reject(source, row, identity, "ObjectGUID " + e.input() + " " + e.reason());
        }
        String consistency = row.get(Column.CONSISTENCY_GUID);
        if (consistency != null) {
            try {
                consistencyGuid = Anchors.objectGuid(consistency);
            } catch (InvalidAnchorException e) {
                return Rows.reject(source, row, identity, "mS-DS-ConsistencyGuid " + e.input() + " " + e.reason());
            }
        }
        String criticalText = row.get(Column.CRITICAL_SYSTEM_OBJECT);
        Boolean critical = Rows.bool(criticalText);
        if (criticalText != null && critical == null) {
            return Rows.reject(source, row, identity, "isCriticalSystemObject is '" + criticalText
                    + "', expected True, False or empty");
        }
        // krbtgt and the other critical system objects have no UPN; Connect leaves them out anyway
        // (concept-azure-ad-connect-sync-default-configuration), so they are read, to be reported out of scope.
        if (upn == null && !Boolean.TRUE.equals(critical)) {
            return Rows.reject(source, row, identity,
                    "has no UserPrincipalName; Entra Connect needs one to create or soft-match the user");
        }
        String typeText = row.get(Column.RECIPIENT_TYPE_DETAILS);
        Long recipientType = null;
        if (typeText != null) {
            try {
                recipientType = Long.valueOf(typeText.strip());
            } catch (NumberFormatException e) {
                return Rows.reject(source, row, identity, "msExchRecipientTypeDetails is '" + typeText
                        + "', expected a whole number (Exchange writes a 64-bit integer) or empty");
            }
        }
        return new DirectoryRecord.Usable<>(OnPremUser.builder().distinguishedName(dn).userPrincipalName(upn)
                .samAccountName(row.get(Column.SAM_ACCOUNT_NAME)).objectGuid(objectGuid)
                .consistencyGuid(consistencyGuid).mail(row.get(Column.MAIL))
                .proxyAddresses(Rows.proxyAddresses(row.get(Column.PROXY_ADDRESSES)))
                .criticalSystemObject(Boolean.TRUE.equals(critical)).mailNickname(row.get(Column.MAIL_NICKNAME))
                .recipientTypeDetails(recipientType).displayName(row.get(Column.DISPLAY_NAME))
                .attributes(Rows.extras(source, row)).origin(source.fileName()).build(), row.line());
    }
}

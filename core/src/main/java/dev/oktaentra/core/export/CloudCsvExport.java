package dev.oktaentra.core.export;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.InvalidAnchorException;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cloud users from a {@code Get-MgUser | Export-Csv} file (see {@link ExportCommands#CLOUD}).
 *
 * <p>Columns are found by header name, case-insensitively: {@code Id} (or {@code ObjectId}),
 * {@code UserPrincipalName} and {@code OnPremisesImmutableId} (or {@code ImmutableId}) are required;
 * {@code OnPremisesSyncEnabled} ({@code True}, {@code False} or empty), {@code Mail}, {@code ProxyAddresses}
 * (joined by {@code ;}), {@code OnPremisesLastSyncDateTime} (ISO 8601, or PowerShell's invariant
 * {@code M/d/yyyy h:mm:ss tt}, read as UTC), {@code DisplayName}, {@code HoldsAdminRole} ({@code True},
 * {@code False} or empty, any case; the export command computes it from the members of the activated directory
 * roles), {@code EligibleForAdminRole} (likewise; from the PIM eligibility schedules),
 * {@code OnPremisesObjectIdentifier} (read from Graph beta, where alone it exists) and {@code IsCloudManaged}
 * ({@code onPremisesSyncBehavior}) are read when present; every other column becomes an attribute, e.g.
 * {@code EmployeeId}. The ImmutableID is kept exactly as written, spaces included, because Entra compares it exactly.
 *
 * <p>What the 2026 hard-match rules need (how-to-connect-install-existing-tenant, "Hard match security protections":
 * a cloud user with a privileged role assigned or eligible, or with {@code onPremisesObjectIdentifier} set, is not
 * taken over) may be missing: an export made before the command wrote these columns, or one whose PIM or beta read
 * failed (the command then leaves the column out and warns). A missing column is read as empty for every user and
 * {@link #missingOptionalColumns()} and {@link #unreadFields()} say so. Within a present column an empty
 * {@code IsCloudManaged} cell is {@code null}, "not read", as the model has it (the command reads it only for users
 * with an ImmutableID or a sync state, and leaves it empty when the read fails); an empty {@code EligibleForAdminRole}
 * cell, like an empty {@code HoldsAdminRole} one, is read as {@code False} (the command always writes one or the
 * other).
 *
 * <p>A row that cannot be used is a {@link DirectoryRecord.Rejected} naming the file and line; the read goes on.
 * A date that cannot be read leaves the date empty and does not reject the user, because the date is only
 * informational; every such date is counted, and when the stream is closed one warning per read names how many there
 * were and the first lines ({@link #unreadableSyncDates()} keeps the count).
 *
 * <p>A file that is not such an export fails at once with an {@link ExportFileException}: one that names a column
 * twice (say {@code Id} and {@code ObjectId}) is refused naming both, and a Get-ADUser export (which {@link OnPremCsvExport} reads) is
 * recognised and named as one. A field longer than 1 MiB (1,048,576 characters) or a row of more than 16,384 fields
 * stops the read with the file and line, before the field is held in memory.
 */
public final class CloudCsvExport extends CsvExport<CloudUser> implements CloudDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(CloudCsvExport.class);
    private static final DateTimeFormatter POWERSHELL_INVARIANT =
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.ROOT);

    /** How many line numbers of unreadable dates the warning names. */
    static final int LINES_NAMED = 5;

    /** The count of the last read that was closed, or -1 before one was. */
    private volatile long unreadableSyncDates = -1;

    private CloudCsvExport(Path file) {
        super(file, ExportKind.CLOUD);
    }

    /**
     * Opens an export and checks its header.
     *
     * @param file the CSV file
     * @return the directory
     * @throws ExportFileException when the file is missing, not a CSV, or lacks a required column
     */
    public static CloudCsvExport open(Path file) {
        return new CloudCsvExport(file);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Closing the stream logs one warning when {@code OnPremisesLastSyncDateTime} values could not be read.
     */
    @Override
    public Stream<DirectoryRecord<CloudUser>> records() {
        UnreadableDates dates = new UnreadableDates();
        return stream((source, row) -> toRecord(source, row, dates)).onClose(() -> {
            unreadableSyncDates = dates.count;
            dates.warn(name());
        });
    }

    /**
     * How many {@code OnPremisesLastSyncDateTime} values the last read of the file could not parse and left empty.
     *
     * @return the count of the last stream of {@link #records()} (or {@link #users()}) that was closed, up to where it
     *         was read; empty before one was
     */
    public OptionalLong unreadableSyncDates() {
        long count = unreadableSyncDates;
        return count < 0 ? OptionalLong.empty() : OptionalLong.of(count);
    }

    private static DirectoryRecord<CloudUser> toRecord(CsvSource source, CsvSource.Row row, UnreadableDates dates) {
        String id = row.get(Column.ID);
        String upn = row.get(Column.USER_PRINCIPAL_NAME);
        String identity = upn != null ? upn : id;
        if (!row.complete()) {
            return Rows.incomplete(source, row, identity);
        }
        if (id == null) {
            return Rows.reject(source, row, identity, "has no Id");
        }
        if (upn == null) {
            return Rows.reject(source, row, identity, "has no UserPrincipalName");
        }
        String syncText = row.get(Column.SYNC_ENABLED);
        Boolean synced = Rows.bool(syncText);
        if (syncText != null && synced == null) {
            return Rows.reject(source, row, identity, "OnPremisesSyncEnabled is '" + syncText
                    + "', expected True, False or empty");
        }
        String adminText = row.get(Column.HOLDS_ADMIN_ROLE);
        Boolean admin = Rows.bool(adminText);
        if (adminText != null && admin == null) {
            return Rows.reject(source, row, identity, "HoldsAdminRole is '" + adminText
                    + "', expected True, False or empty");
        }
        String eligibleText = row.get(Column.ELIGIBLE_FOR_ADMIN_ROLE);
        Boolean eligible = Rows.bool(eligibleText);
        if (eligibleText != null && eligible == null) {
            return Rows.reject(source, row, identity, "EligibleForAdminRole is '" + eligibleText
                    + "', expected True, False or empty");
        }
        String managedText = row.get(Column.IS_CLOUD_MANAGED);
        Boolean cloudManaged = Rows.bool(managedText);
        if (managedText != null && cloudManaged == null) {
            return Rows.reject(source, row, identity, "IsCloudManaged is '" + managedText
                    + "', expected True, False or empty");
        }
        String immutable = row.get(Column.IMMUTABLE_ID);
        String lastSyncText = row.get(Column.LAST_SYNC);
        Instant lastSync = instant(lastSyncText);
        if (lastSyncText != null && lastSync == null) {
            dates.add(row.line(), lastSyncText);
        }
        ImmutableId immutableId;
        try {
            immutableId = immutable == null ? null : ImmutableId.of(immutable);
        } catch (InvalidAnchorException e) {
            return Rows.reject(source, row, identity, "OnPremisesImmutableId: " + e.getMessage());
        }
        return new DirectoryRecord.Usable<>(CloudUser.builder().id(id).userPrincipalName(upn).immutableId(immutableId)
                .onPremisesSyncEnabled(synced).mail(row.get(Column.MAIL))
                .proxyAddresses(Rows.proxyAddresses(row.get(Column.PROXY_ADDRESSES)))
                .onPremisesLastSyncDateTime(lastSync)
                .holdsAdminRole(Boolean.TRUE.equals(admin)).eligibleForAdminRole(Boolean.TRUE.equals(eligible))
                .onPremisesObjectIdentifier(row.get(Column.ON_PREMISES_OBJECT_IDENTIFIER)).cloudManaged(cloudManaged)
                .displayName(row.get(Column.DISPLAY_NAME)).attributes(Rows.extras(source, row)).build(), row.line());
    }

    /** The dates one read could not parse: how many, the first lines and the first value. */
    private static final class UnreadableDates {
        private long count;
        private final List<Long> lines = new ArrayList<>(LINES_NAMED);
        private String first;

        void add(long line, String value) {
            if (count++ == 0) {
                first = value;
            }
            if (lines.size() < LINES_NAMED) {
                lines.add(line);
            }
        }

        void warn(String file) {
            if (count == 0) {
                return;
            }
            String named = lines.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + (count > lines.size() ? ", …" : "");
            LOG.warn("{}: {} OnPremisesLastSyncDateTime value{} not ISO 8601 or M/d/yyyy h:mm:ss tt, left empty "
                    + "(line{} {}; the first is '{}'); the date is informational, so the users are still validated",
                    file, count, count == 1 ? " is" : "s are", count == 1 ? "" : "s", named, first);
        }
    }

    /**
     * The date, by its shape: PowerShell's rendering has slashes and ISO 8601 has none, so each goes to the one parser
     * that can read it, and text of neither shape (another culture's rendering) to none. A parser that fails throws,
     * which a million rows would pay for: trying the three parsers in turn took seconds per million dates.
     */
    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (text.indexOf('/') >= 0) {
                return LocalDateTime.parse(text, POWERSHELL_INVARIANT).toInstant(ZoneOffset.UTC);
            }
            if (!isoShaped(text)) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** Whether the text starts as ISO 8601's date and time do, {@code yyyy-MM-ddTHH:mm}; the parser checks the rest. */
    private static boolean isoShaped(String text) {
        return text.length() >= 16 && text.charAt(4) == '-' && text.charAt(7) == '-'
                && (text.charAt(10) == 'T' || text.charAt(10) == 't');
    }
}

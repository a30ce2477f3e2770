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
 * {@code M/d/yyyy h:mm:ss tt}, read as UTC) and {@code HoldsAdminRole} ({@code True}, {@code False} or empty, any
 * case; the export command computes it from the members of the activated directory roles) are read when present;
 * every other column becomes an attribute, e.g. {@code EmployeeId}. The ImmutableID is kept exactly as written,
 * spaces included, because Entra compares it exactly.
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
        Boolean synced = bool(syncText);
        if (syncText != null && synced == null) {
            return Rows.reject(source, row, identity, "OnPremisesSyncEnabled is '" + syncText
                    + "', expected True, False or empty");
        }
        String adminText = row.get(Column.HOLDS_ADMIN_ROLE);
        Boolean admin = bool(adminText);
        if (adminText != null && admin == null) {
            return Rows.reject(source, row, identity, "HoldsAdminRole is '" + adminText
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
        return new DirectoryRecord.Usable<>(new CloudUser(id, upn, immutableId, synced, row.get(Column.MAIL),
                Rows.proxyAddresses(row.get(Column.PROXY_ADDRESSES)), lastSync, Boolean.TRUE.equals(admin),
                false, null, null, Rows.extras(source, row)), row.line());
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

    private static Boolean bool(String text) {
        if (text == null) {
            return null;
        }
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        return text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDateTime.parse(text, POWERSHELL_INVARIANT).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notPowerShell) {
                    return null;
                }
            }
        }
    }
}

package dev.oktaentra.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFAddChangeRecord;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.ldif.LDIFRecord;
import dev.oktaentra.core.directory.DirectoryException;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremUser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Spliterator;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an {@code ldifde} export one record at a time. Person users become records; other objects (OUs, groups,
 * computers, the domain) are not users and are passed over, counted in the debug log.
 */
final class LdifRecordSpliterator implements Spliterator<DirectoryRecord<OnPremUser>>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LdifRecordSpliterator.class);
    private static final int MAX_REASON = 300;

    private final String source;
    private final UserEntryMapper mapper;
    private final LdifText.LineCountingReader lines;
    private final LDIFReader reader;
    private long users;
    private long others;
    private boolean closed;

    LdifRecordSpliterator(String source, UserEntryMapper mapper, LdifText.LineCountingReader lines) {
        this.source = source;
        this.mapper = mapper;
        this.lines = lines;
        // No parse threads: records are parsed on the caller's thread, in order, as the line counter assumes.
        this.reader = new LDIFReader(lines, 0);
    }

    @Override
    public boolean tryAdvance(Consumer<? super DirectoryRecord<OnPremUser>> action) {
        while (!closed) {
            DirectoryRecord<OnPremUser> next = readNext();
            if (next != null) {
                action.accept(next);
                return true;
            }
        }
        return false;
    }

    /** The next user or rejected record; null after a record that is not a user, or at the end (then closed). */
    private DirectoryRecord<OnPremUser> readNext() {
        LDIFRecord record;
        lines.startRecord();
        try {
            record = reader.readLDIFRecord();
        } catch (LDIFException e) {
            if (!e.mayContinueReading()) {
                close();
                throw new DirectoryException(source + ", line " + e.getLineNumber() + ": the file cannot be read"
                        + " past this point: " + shorten(e.getMessage()));
            }
            return new DirectoryRecord.Rejected<>(source, "line " + e.getLineNumber(), dnOf(e.getDataLines()),
                    "malformed LDIF record: " + shorten(e.getMessage()));
        } catch (CharacterCodingException e) {
            close();
            throw new DirectoryException(source + ", line " + (lines.line() + 1) + ": not valid "
                    + lines.encoding() + " text; ldifde writes UTF-8, or UTF-16 with -u", e);
        } catch (IOException e) {
            close();
            throw new DirectoryException(source + ": reading failed near line " + lines.line() + ": "
                    + e.getMessage(), e);
        }
        if (record == null) {
            LOG.debug("{}: {} users, {} other objects passed over", source, users, others);
            close();
            return null;
        }
        String location = "line " + lines.recordStart();
        Entry entry;
        if (record instanceof LDIFAddChangeRecord add) {
            entry = add.getEntryToAdd();
        } else if (record instanceof Entry plain) {
            entry = plain;
        } else {
            return new DirectoryRecord.Rejected<>(source, location, record.getDN(), "changetype: "
                    + ((LDIFChangeRecord) record).getChangeType().getName()
                    + " is a change, not an exported object; export with ldifde -f");
        }
        if (!isPersonUser(entry)) {
            others++;
            return null;
        }
        users++;
        String origin;
        try {
            origin = DomainNames.dnsName(entry.getParsedDN());
        } catch (LDAPException e) {
            return new DirectoryRecord.Rejected<>(source, location, entry.getDN(), "the DN is not valid: "
                    + e.getDiagnosticMessage());
        }
        return mapper.map(entry, location, origin != null ? origin : source);
    }

    /**
     * A user that is not a computer. An export made with an attribute list that leaves out {@code objectClass}
     * cannot tell, so its records are all taken as users: the admin's export filter chose them.
     */
    private static boolean isPersonUser(Entry entry) {
        String[] classes = entry.getObjectClassValues();
        if (classes == null || classes.length == 0) {
            return true;
        }
        boolean user = false;
        for (String objectClass : classes) {
            String lower = objectClass.toLowerCase(Locale.ROOT);
            if (lower.equals("computer")) {
                return false;
            }
            user |= lower.equals("user");
        }
        return user;
    }

    private static String dnOf(List<String> dataLines) {
        if (dataLines == null || dataLines.isEmpty() || !dataLines.get(0).regionMatches(true, 0, "dn:", 0, 3)) {
            return null;
        }
        String value = dataLines.get(0).substring(3);
        if (!value.startsWith(":")) {
            return value.trim();
        }
        try {
            return new String(Base64.getMimeDecoder().decode(value.substring(1).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String shorten(String message) {
        if (message == null) {
            return "(no detail)";
        }
        return message.length() > MAX_REASON ? message.substring(0, MAX_REASON) + "…" : message;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                reader.close();
            } catch (IOException e) {
                LOG.debug("{}: closing failed: {}", source, e.getMessage());
            }
        }
    }

    @Override
    public Spliterator<DirectoryRecord<OnPremUser>> trySplit() {
        return null;
    }

    @Override
    public long estimateSize() {
        return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
        return ORDERED | NONNULL;
    }
}

package dev.oktaentra.ldap;

import static dev.oktaentra.core.OktaEntraException.quote;

import dev.oktaentra.core.directory.DirectoryException;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.settings.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An {@code ldifde} export read as an on-premises directory, for offline analysis:
 * {@code ldifde -f users.ldf -r "(objectClass=user)" -l "objectGUID,mS-DS-ConsistencyGuid,userPrincipalName,…"}.
 *
 * <p>It understands what {@code ldifde} writes: every record as {@code changetype: add}, binary values such as
 * {@code objectGUID:: BpazOkLGm0iEtljAONPvOQ==} in Base64, lines folded at 80 columns, and UTF-8 or, with
 * {@code -u}, UTF-16 with a byte order mark. Person users become records; OUs, groups and computers are passed
 * over. A malformed record, or a user whose GUIDs are not 16 bytes, is a {@link DirectoryRecord.Rejected} with its
 * line number. Each {@link #records()} call reads the file afresh, one record at a time, so files of any size fit a
 * small heap. Each user's origin is the domain its DN names (its {@code DC=} components), else the file name.
 */
public final class LdifDirectory implements OnPremDirectory {

    private final Path file;
    private final String name;
    private final UserEntryMapper mapper;

    private LdifDirectory(Path file, List<String> extraAttributes) {
        this.file = file;
        this.name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        this.mapper = new UserEntryMapper(name, extraAttributes, Set.of());
    }

    /**
     * Opens an export, reading {@code employeeID} besides the standard attributes.
     *
     * @param file the {@code .ldf} file; must be readable
     * @return the directory
     * @throws DirectoryException when the file cannot be read
     */
    public static LdifDirectory open(Path file) {
        return open(file, List.of());
    }

    /**
     * Opens an export and reads further attributes into {@link OnPremUser#attributes()}.
     *
     * @param file the {@code .ldf} file; must be readable
     * @param extraAttributes e.g. {@code employeeNumber}; values that are not UTF-8 text are kept as bytes
     * @return the directory
     * @throws DirectoryException when the file cannot be read
     */
    public static LdifDirectory open(Path file, Collection<String> extraAttributes) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new DirectoryException("LDIF file " + quote(file.toString()) + " is not a readable file");
        }
        for (String attribute : extraAttributes) {
            if (attribute == null || !com.unboundid.ldap.sdk.Attribute.nameIsValid(attribute)) {
                throw new ConfigurationException("extraAttributes",
                        "extra attribute " + quote(attribute) + " is not an attribute name");
            }
        }
        return new LdifDirectory(file, List.copyOf(extraAttributes));
    }

    /**
     * Every user record in file order.
     *
     * @return a stream holding the open file; close it
     * @throws DirectoryException when the file cannot be opened, or (from the stream) read past a point
     */
    @Override
    public Stream<DirectoryRecord<OnPremUser>> records() {
        LdifText.LineCountingReader lines;
        try {
            lines = LdifText.open(file);
        } catch (IOException e) {
            throw new DirectoryException(name + ": cannot open: " + e.getMessage(), e);
        }
        LdifRecordSpliterator records = new LdifRecordSpliterator(name, mapper, lines);
        return StreamSupport.stream(records, false).onClose(records::close);
    }

    /**
     * The directory's name in messages and findings: the file's name.
     *
     * @return the file name, e.g. {@code users.ldf}
     */
    @Override
    public String name() {
        return name;
    }

    /** Nothing to release: each stream holds, and closes, its own file handle. */
    @Override
    public void close() {
        // Streams own their readers.
    }

    @Override
    public String toString() {
        return "LdifDirectory[" + file + "]";
    }
}

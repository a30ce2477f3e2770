package dev.oktaentra.core.migration.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.migration.MigrationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of users created in the matching window that a person checked are new people: how it is read. */
class ReviewedNewUsersTest {

    @TempDir
    Path dir;

    @Test
    void read_takesUpnsAndIdsOneALine_anyCase() throws Exception {
        Path file = Files.writeString(dir.resolve("new.txt"), "\ufeff# checked by ops\nNew.Hire@Contoso.com\n\n"
                + "  5a0052b9-13b2-4d24-bd38-c9b0ea17d5b9  \r\n");

        ReviewedNewUsers reviewed = ReviewedNewUsers.read(file);

        assertThat(reviewed.contains(null, "new.hire@contoso.com")).isTrue();
        assertThat(reviewed.contains("5A0052B9-13B2-4D24-BD38-C9B0EA17D5B9", null)).isTrue();
        assertThat(reviewed.contains("other", "other@contoso.com")).isFalse();
    }

    @Test
    void read_aListSavedAsUtf16WithItsByteOrderMark_isReadAsWritten() throws Exception {
        // Windows PowerShell 5.1's "> new.txt" and Out-File write UTF-16 LE with a byte-order mark.
        Path file = Files.write(dir.resolve("new.txt"),
                "\ufeffnew.hire@contoso.com\r\n".getBytes(StandardCharsets.UTF_16LE));

        assertThat(ReviewedNewUsers.read(file).contains(null, "new.hire@contoso.com")).isTrue();
    }

    @Test
    void read_bytesThatAreNotUtf8_areRefusedNamingTheFileAndTheirLine() throws Exception {
        Path file = Files.write(dir.resolve("new.txt"),
                "a@contoso.com\nmüller@contoso.com\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ReviewedNewUsers.read(file)).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Cannot read the reviewed new users file " + file + ", line 2: not UTF-8 "
                        + "text");
    }

    @Test
    void read_aMissingFile_isRefusedNamingIt() {
        Path file = dir.resolve("missing.txt");

        assertThatThrownBy(() -> ReviewedNewUsers.read(file)).isInstanceOf(MigrationException.class)
                .hasMessage("Cannot read the reviewed new users file " + file + ": no such file");
    }
}

package dev.oktaentra.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonOptionTest {

    @TempDir
    Path dir;

    @Test
    void write_keepsAValueHoldingHalfASurrogatePairExactly() throws Exception {
        // A before-value read from Graph or the journal may hold a lone surrogate (a JSON escape can carry one);
        // a plan file must still be written, in UTF-8, and read back to the same value.
        ObjectNode plan = JsonOption.mapper().createObjectNode().put("before", "a\uD800b").put("after", "\uD83D\uDE00");
        Path file = dir.resolve("plan-x.json");

        JsonOption.write(file, plan);

        byte[] bytes = Files.readAllBytes(file);
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes));  // throws when the file is not UTF-8
        JsonNode read = JsonOption.mapper().readTree(bytes);
        assertThat(read.path("before").asText()).isEqualTo("a\uD800b");
        assertThat(read.path("after").asText()).isEqualTo("\uD83D\uDE00");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).endsWith("}\n");
    }
}

package dev.oktaentra.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --json}: a command prints one JSON document on stdout instead of text for people. */
final class JsonOption {

    /**
     * Made on first use, not when picocli makes the option: building a mapper loads a few hundred of Jackson's
     * classes, which a command run without {@code --json} never needs.
     */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Option(names = "--json", description = "Print JSON on stdout instead of text (exactly one JSON document).")
    boolean enabled;

    static ObjectMapper mapper() {
        return Mapper.JSON;
    }

    /**
     * Writes a document to a file in UTF-8, ending with a line break. Jackson's byte output writes half a surrogate
     * pair as a JSON escape (a backslash, {@code u} and four hex digits), so a value holding one is kept exactly; a string encoded by the JDK would make
     * it {@code ?} or fail the whole file.
     */
    static void write(Path file, JsonNode document) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(Mapper.JSON.writeValueAsBytes(document));
            out.write('\n');
        }
    }

    static void print(PrintWriter out, JsonNode document) throws JsonProcessingException {
        out.println(Mapper.JSON.writeValueAsString(document));
    }
}

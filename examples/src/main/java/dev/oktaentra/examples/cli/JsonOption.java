package dev.oktaentra.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
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

    static void print(PrintWriter out, JsonNode document) throws JsonProcessingException {
        out.println(Mapper.JSON.writeValueAsString(document));
    }
}

package dev.oktaentra.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --json}: a command prints one JSON document on stdout instead of text for people. */
final class JsonOption {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--json", description = "Print JSON on stdout instead of text (exactly one JSON document).")
    boolean enabled;

    static ObjectMapper mapper() {
        return JSON;
    }

    static void print(PrintWriter out, JsonNode document) throws JsonProcessingException {
        out.println(JSON.writeValueAsString(document));
    }
}

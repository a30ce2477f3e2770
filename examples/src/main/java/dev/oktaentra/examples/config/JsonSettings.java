package dev.oktaentra.examples.config;

import static dev.oktaentra.core.OktaEntraException.quote;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One object of the configuration file, with its place in it ({@code onPrem.ldap}), so that every error names the
 * file and the setting. Unknown keys are errors (a typo must not silently fall back to a default), and a key that
 * looks like a secret is refused without repeating its value.
 */
final class JsonSettings {

    /** Keys that would hold a secret; the file must name an environment variable instead. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|secret|token|credential|privatekey|pem|pwd|passphrase)");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // A second object after the first (a paste appended) must not be silently ignored.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Path file;
    private final String path;
    private final JsonNode node;
    private final Set<String> allowed = new LinkedHashSet<>();

    private JsonSettings(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Reads a file; a JSON error names line and column, with quoted text left out (it could be a pasted secret). */
    static JsonSettings read(Path file) {
        JsonNode root;
        try {
            // From the bytes: Jackson skips a byte-order mark and reads UTF-16 (Windows PowerShell 5.1 writes both),
            // and names the line and column of bytes that are not UTF-8.
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigFileException("No configuration file " + file + " (give one with --config FILE; the README "
                    + "describes the format)");
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage().lines().findFirst().orElse("unreadable")
                    .replaceAll("'[^']{2,}'", "'…'").replaceAll("\"[^\"]{2,}\"", "\"…\"");
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new ConfigFileException(file + ":" + where + ": not valid JSON: " + reason);
        } catch (IOException e) {
            throw new ConfigFileException("Cannot read the configuration file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigFileException(file + ": the configuration must be one JSON object { … }");
        }
        return new JsonSettings(file, "", root);
    }

    /** Declares the keys this object may have; call before {@link #checkKeys()}. */
    JsonSettings allow(String... keys) {
        allowed.addAll(List.of(keys));
        return this;
    }

    /** Refuses keys that were not allowed, naming the ones that are. */
    void checkKeys() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (allowed.contains(name)) {
                continue;
            }
            if (SECRET_KEY.matcher(name).matches() && !name.endsWith("Env")) {
                String hint = allowed.stream().filter(k -> k.endsWith("Env")).findFirst()
                        .map(k -> " and name it with " + quote(allowed.contains(name + "Env") ? name + "Env" : k))
                        .orElse("");
                throw error(name, "secrets are never read from the configuration file (its value is not shown "
                        + "here); put the secret in an environment variable" + hint);
            }
            String suggestion = allowed.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst()
                    .map(k -> " (did you mean " + quote(k) + "?)").orElse("");
            throw error(name, "unknown setting" + suggestion + "; known here: " + String.join(", ", allowed));
        }
    }

    boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    /** A required nested object. */
    JsonSettings object(String key) {
        return optObject(key).orElseThrow(() -> error(key, "is required"));
    }

    Optional<JsonSettings> optObject(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw error(key, "must be an object { … }");
        }
        return Optional.of(new JsonSettings(file, where(key), value));
    }

    /** An object or an array of objects. */
    List<JsonSettings> objects(String key) {
        JsonNode value = node.get(key);
        List<JsonSettings> list = new ArrayList<>();
        if (value == null || value.isNull()) {
            return list;
        }
        if (value.isObject()) {
            list.add(new JsonSettings(file, where(key), value));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isObject()) {
                    throw error(key + "[" + i + "]", "must be an object { … }");
                }
                list.add(new JsonSettings(file, where(key) + "[" + i + "]", value.get(i)));
            }
        } else {
            throw error(key, "must be an object or an array of objects");
        }
        return list;
    }

    /** A required, non-blank string. */
    String string(String key) {
        return optString(key).orElseThrow(() -> error(key, "is required"));
    }

    Optional<String> optString(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error(key, "must be a non-empty string");
        }
        return Optional.of(value.asText().strip());
    }

    /** A string or an array of strings. */
    List<String> strings(String key) {
        JsonNode value = node.get(key);
        List<String> list = new ArrayList<>();
        if (value == null || value.isNull()) {
            return list;
        }
        if (value.isTextual()) {
            list.add(optString(key).orElseThrow());
            return list;
        }
        if (!value.isArray()) {
            throw error(key, "must be a string or an array of strings");
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual() || value.get(i).asText().isBlank()) {
                throw error(key + "[" + i + "]", "must be a non-empty string");
            }
            list.add(value.get(i).asText().strip());
        }
        return list;
    }

    /** One of the given words, any case. */
    Optional<String> optChoice(String key, String... choices) {
        return optString(key).map(text -> {
            for (String choice : choices) {
                if (choice.equalsIgnoreCase(text)) {
                    return choice;
                }
            }
            throw error(key, "must be one of " + String.join(", ", choices) + ", not " + quote(text));
        });
    }

    /** An object of whole numbers, e.g. {@code {"contoso.com": 12000}}, in the file's order; empty when absent. */
    Map<String, Long> longs(String key, long min, long max) {
        Map<String, Long> values = new LinkedHashMap<>();
        optObject(key).ifPresent(o -> o.node.fieldNames().forEachRemaining(name ->
                values.put(name, o.optLong(name, min, max).orElseThrow(() -> o.error(name, "must be a number")))));
        return values;
    }

    Optional<Long> optLong(String key, long min, long max) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToExactIntegral() || value.asLong() < min || value.asLong() > max) {
            throw error(key, String.format(Locale.ROOT, "must be a whole number from %,d to %,d, not %s", min, max,
                    value.isTextual() ? quote(value.asText()) : value.toString()));
        }
        return Optional.of(value.asLong());
    }

    Optional<Double> optDouble(String key, double min, double max) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw error(key, "must be a number from " + min + " to " + max + ", not " + value);
        }
        return Optional.of(value.asDouble());
    }

    boolean bool(String key, boolean fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw error(key, "must be true or false, not " + value);
        }
        return value.asBoolean();
    }

    /** A file name, resolved against the configuration file's folder when relative. */
    Optional<Path> optPath(String key) {
        return optString(key).map(text -> {
            try {
                Path value = Path.of(text);
                Path base = file.toAbsolutePath().getParent();
                return value.isAbsolute() || base == null ? value : base.resolve(value).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                throw error(key, "is not a file name: " + quote(text));
            }
        });
    }

    Path path(String key) {
        return optPath(key).orElseThrow(() -> error(key, "is required"));
    }

    /**
     * The name of an environment variable. A value that is not a variable name is refused without being repeated:
     * it is most likely the secret itself, pasted into the wrong place.
     */
    Optional<String> optVariable(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || !Secrets.VARIABLE_NAME.matcher(value.asText()).matches()) {
            throw error(key, "must name an environment variable, such as OKTAENTRA_LDAP_PASSWORD (letters, digits "
                    + "and _); the value given is not one and is not shown here, in case it is the secret itself");
        }
        return Optional.of(value.asText());
    }

    String variable(String key) {
        return optVariable(key).orElseThrow(() -> error(key, "is required: the environment variable that holds the "
                + "secret"));
    }

    /** This object's place, e.g. {@code onPrem.ldap[1]}; the file's root is {@code (top level)}. */
    String where() {
        return path.isEmpty() ? "(top level)" : path;
    }

    private String where(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    ConfigFileException error(String key, String message) {
        return new ConfigFileException(file + ": " + where(key) + ": " + message);
    }

    /** An error about this object as a whole. */
    ConfigFileException error(String message) {
        return new ConfigFileException(file + ": " + where() + ": " + message);
    }

    Path file() {
        return file;
    }
}

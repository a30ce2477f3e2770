package dev.oktaentra.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of naming that core's {@code package-info} states, checked over the main code of every module: one
 * spelling (British), one builder verb, core's constant for the attribute names every module needs, and no two public
 * types a letter or two apart (as the anchor's forms and its format once were, beside each other in one package).
 */
class VocabularyTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:(?:final|abstract|sealed|non-sealed|strictfp) )*(?:class|interface|record|enum|@interface) "
                    + "(\\w+)", Pattern.MULTILINE);
    private static final Pattern BUILDER_FACTORY = Pattern.compile(
            "public static (?:[\\w.]+\\.)?Builder (\\w+)\\(");
    /** Names two letters apart that are the outside world's own: the LDAP protocol and the LDIF file format. */
    private static final Set<String> APART_BY_NAME = Set.of("LdapDirectory ~ LdifDirectory");

    /** Main sources of every module, path relative to the repository root to text. */
    private static final Map<String, String> MAIN = new TreeMap<>();

    @BeforeAll
    static void readMainSources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> ROOT.relativize(f).toString().replace('\\', '/')
                            .matches("[\\w-]+/src/main/java/.*"))
                    .forEach(f -> MAIN.put(ROOT.relativize(f).toString().replace('\\', '/'), read(f)));
        }
        assertThat(MAIN.keySet()).extracting(p -> p.substring(0, p.indexOf('/')))
                .contains("core", "graph-adapter", "okta-adapter", "ldap-adapter", "examples");
    }

    @Test
    void adAttributeNames_areWrittenOnce_inCoresSourceAnchor() {
        List<String> copies = new ArrayList<>();
        MAIN.forEach((file, text) -> {
            // directory.UserField names the optional columns a source may lack; directory sits below match, so
            // importing SourceAnchor there would make the two packages depend on each other
            if (!file.endsWith("core/match/SourceAnchor.java") && !file.endsWith("core/directory/UserField.java")) {
                Matcher literal = Pattern.compile("\"(mS-DS-ConsistencyGuid|objectGUID)\"")
                        .matcher(withoutComments(text));
                while (literal.find()) {
                    copies.add(file + ": " + literal.group());
                }
            }
        });

        assertThat(copies).as("use SourceAnchor.CONSISTENCY_GUID and SourceAnchor.OBJECT_GUID").isEmpty();
    }

    @Test
    void builders_areMadeByBuilder() {
        List<String> others = new ArrayList<>();
        MAIN.forEach((file, text) -> {
            Matcher factory = BUILDER_FACTORY.matcher(text);
            while (factory.find()) {
                if (!factory.group(1).equals("builder")) {
                    others.add(file + ": " + factory.group(1) + "()");
                }
            }
        });

        assertThat(others).as("a static factory of a Builder is called builder(); its last call says what it makes")
                .isEmpty();
    }

    @Test
    void code_spellsAnalyseTheBritishWay() {
        List<String> american = new ArrayList<>();
        MAIN.forEach((file, text) -> {
            Matcher word = Pattern.compile("\\w*[Aa]naly[sz]\\w*").matcher(
                    STRING.matcher(withoutComments(text)).replaceAll("\"\""));
            while (word.find()) {
                if (word.group().contains("nalyz")) {
                    american.add(file + ": " + word.group());
                }
            }
        });

        assertThat(american).as("identifiers spelt as the step analyse-staging-export is").isEmpty();
    }

    @Test
    void publicTypes_areMoreThanTwoLettersApart() {
        Map<String, String> types = new TreeMap<>();
        MAIN.forEach((file, text) -> {
            Matcher type = PUBLIC_TYPE.matcher(text);
            if (type.find()) {
                types.put(type.group(1), file);
            }
        });
        List<String> names = List.copyOf(types.keySet());
        List<String> close = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                String a = names.get(i);
                String b = names.get(j);
                boolean plural = a.equals(b + "s") || b.equals(a + "s");
                if (!plural && editsApart(a, b) <= 2 && !APART_BY_NAME.contains(a + " ~ " + b)) {
                    close.add(a + " (" + types.get(a) + ") ~ " + b + " (" + types.get(b) + ")");
                }
            }
        }

        assertThat(close).as("public types whose names differ by a letter or two (a type and its plural aside)")
                .isEmpty();
    }

    /** Levenshtein distance: letters to insert, delete or replace to turn one name into the other. */
    private static int editsApart(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String withoutComments(String text) {
        return COMMENT.matcher(text).replaceAll(" ");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.oktaentra.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc layout of every Java file in the repository (main, tests, the consumer builds), beyond what the
 * compiler's doclint checks. In a one-line comment such as {@code /** @param value the UPN @return this builder *}
 * JDK 17's doclint takes {@code @return …} for more of the parameter's text, and says so only where a missing
 * {@code @return} is checked (public API); it does not ask for a main description at all. Javadoc renders such a
 * comment with an empty summary and a visible "@return". So: a comment starts with its main description, and a block
 * tag starts its line (inline tags such as {@code {@code …}} are left out of that check).
 */
class JavadocLayoutTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern COMMENT = Pattern.compile("/\\*\\*(?!/)(.*?)\\*/", Pattern.DOTALL);
    private static final String BLOCK_TAGS = "@(?:param|return|throws|exception|see|since|deprecated|serial|author"
            + "|version)\\b";
    /** A block tag at the start of a comment: nothing but the comment's opening before it. */
    private static final Pattern LEADING_TAG = Pattern.compile("^[\\s*]*" + BLOCK_TAGS);
    /** A block tag after text on the same line (checked with the inline tags blanked out). */
    private static final Pattern TAG_IN_LINE = Pattern.compile("^[ \\t]*\\*?[ \\t]*[^\\s*].*?\\s" + BLOCK_TAGS,
            Pattern.MULTILINE);

    private static List<Path> sources;

    @BeforeAll
    static void findSources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            sources = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !ROOT.relativize(f).toString().matches("(?:.*[/\\\\])?(?:target|\\.git)[/\\\\].*"))
                    .sorted().toList();
        }
    }

    @Test
    void everyModule_isScanned() {
        assertThat(sources).extracting(f -> ROOT.relativize(f).getName(0).toString())
                .contains("core", "graph-adapter", "okta-adapter", "ldap-adapter", "examples");
    }

    @Test
    void everyJavadocComment_startsWithItsMainDescription() throws IOException {
        assertThat(problems(LEADING_TAG)).as("Javadoc comments that start with a block tag: write a sentence of main "
                + "description first (the summary Javadoc shows), then the tags, each on its own line").isEmpty();
    }

    @Test
    void everyBlockTag_startsItsLine() throws IOException {
        assertThat(problems(TAG_IN_LINE)).as("block tags after other text on a line, which Javadoc renders as text: "
                + "put each on a line of its own").isEmpty();
    }

    private static List<String> problems(Pattern rule) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher comment = COMMENT.matcher(text);
            while (comment.find()) {
                Matcher bad = rule.matcher(withoutInlineTags(comment.group(1)));
                if (bad.find()) {
                    int line = lineOf(text, comment.start(1) + bad.end());
                    found.add(ROOT.relativize(file) + ":" + line + ": " + text.lines().skip(line - 1).findFirst()
                            .orElse("").strip());
                }
            }
        }
        return found;
    }

    /** Blanks out every {@code {@tag …}}, nested braces included, keeping line breaks so that offsets stay put. */
    private static String withoutInlineTags(String comment) {
        StringBuilder out = new StringBuilder(comment);
        for (int start = comment.indexOf("{@"); start >= 0; start = comment.indexOf("{@", start + 1)) {
            int depth = 0;
            int end = start;
            for (; end < comment.length(); end++) {
                char c = comment.charAt(end);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            for (int i = start; i <= Math.min(end, comment.length() - 1); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
            start = end;
        }
        return out.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}

package dev.oktaentra.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HtmlWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String write(java.util.function.Consumer<HtmlWriter> body) {
        StringBuilder html = new StringBuilder();
        body.accept(new HtmlWriter(html));
        return html.toString();
    }

    @Test
    void element_escapesTextAndAttributeValues() {
        String html = write(w -> w.element("td", "<img src=x onerror=alert(1)> & \"'", "title", "\"><script>"));

        assertThat(html).isEqualTo("<td title=\"&quot;&gt;&lt;script&gt;\">&lt;img src=x onerror=alert(1)&gt; "
                + "&amp; &quot;&#39;</td>");
    }

    @Test
    void open_leavesOutAttributesWhoseValueIsNull() {
        assertThat(write(w -> w.open("g", "class", "bar", "tabindex", null))).isEqualTo("<g class=\"bar\">");
    }

    @Test
    void open_refusesNamesThatAreNotPlainNames() {
        assertThatThrownBy(() -> write(w -> w.open("td onclick=alert(1)")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("td onclick");
        assertThatThrownBy(() -> write(w -> w.open("td", "on\"click", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> write(w -> w.open("td", "title")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pairs");
    }

    @Test
    void jsonData_cannotBeClosedEarlyByAValue() throws Exception {
        String value = "</script><script>alert(1)</script><!-- \u2028\u2029 & >";
        String json = JSON.writeValueAsString(List.of(value));

        String html = write(w -> w.jsonData("data", json));

        String body = html.substring("<script type=\"application/json\" id=\"data\">".length(),
                html.length() - "</script>".length());
        assertThat(body).doesNotContain("<").doesNotContain(">").doesNotContain("\u2028").doesNotContain("\u2029");
        assertThat(JSON.readTree(body).get(0).asText()).isEqualTo(value);
    }

    /**
     * Entra and AD values are UTF-8, but a value read through a JSON escape ({@code "\\ud800"}) or built in code
     * can hold half a surrogate pair; the page is written as strict UTF-8, so one such value must not cost the page.
     */
    @Test
    void element_writesAnUnpairedSurrogateAsTheReplacementCharacter() {
        String html = write(w -> w.element("td", "lone\ud800x<", "title", "end\udc00"));

        assertThat(html).isEqualTo("<td title=\"end\ufffd\">lone\ufffdx&lt;</td>");
        assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(html)).isTrue();
    }

    @Test
    void element_keepsASurrogatePairAsItIs() {
        assertThat(write(w -> w.text("\ud83d\ude00 <"))).isEqualTo("\ud83d\ude00 &lt;");
    }

    @Test
    void jsonData_escapesAnUnpairedSurrogateSoThatTheDocumentKeepsIt() throws Exception {
        String value = "lone\ud800x \ud83d\ude00 \udc00";
        String json = JSON.writeValueAsString(List.of(value));

        String html = write(w -> w.jsonData("data", json));

        assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(html)).isTrue();
        String body = html.substring("<script type=\"application/json\" id=\"data\">".length(),
                html.length() - "</script>".length());
        assertThat(JSON.readTree(body).get(0).asText()).isEqualTo(value);
    }

    @Property(tries = 500)
    void scriptSafeJson_keepsTheDocumentAndLeavesNothingThatEndsAScript(@ForAll String value) throws Exception {
        String safe = HtmlWriter.scriptSafeJson(JSON.writeValueAsString(value));

        assertThat(safe).doesNotContainIgnoringCase("</script").doesNotContain("<!--")
                .doesNotContain("\u2028").doesNotContain("\u2029");
        assertThat(JSON.readTree(safe).asText()).isEqualTo(value);
    }

    @Property(tries = 500)
    void escape_leavesNoMarkupCharacters(@ForAll String value) {
        String escaped = HtmlWriter.escape(value);

        assertThat(escaped).doesNotContain("<").doesNotContain(">").doesNotContain("\"").doesNotContain("'");
        assertThat(escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&")).isEqualTo(value);
    }
}

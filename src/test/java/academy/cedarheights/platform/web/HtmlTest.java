package academy.cedarheights.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/** Markup written in Java escapes as the template engine would: a name is text, never markup. */
class HtmlTest {

    @Test
    void escapesAsSpringDoesAndLeavesPlainTextAsItIs() {
        for (String text : List.of("Ada Keys", "Kid <b>Doe</b>", "O'Brien & \"Sons\"", "Zoë — 5 > 4", "", "<script>")) {
            assertThat(Html.escape(text)).as(text).isEqualTo(HtmlUtils.htmlEscape(text, "UTF-8"));
        }
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape(42)).isEqualTo("42");
    }

    @Test
    void rowsAreCellsEscaped() {
        assertThat(Html.rows(List.of(List.of("Ada <i>", 3), List.of("Bo", "$4.00"))))
                .isEqualTo("<tr><td>Ada &lt;i&gt;</td><td>3</td></tr><tr><td>Bo</td><td>$4.00</td></tr>");
    }

    @Test
    void optionsMarkTheChosenValueAndEscapeTheirText() {
        List<Map.Entry<String, String>> rooms = List.of(Map.entry("a", "Studio \"A\""), Map.entry("b", "Hall"));

        assertThat(Html.options(rooms, Map.Entry::getKey, Map.Entry::getValue, "b"))
                .isEqualTo("<option value=\"a\">Studio &quot;A&quot;</option><option value=\"b\" selected>Hall</option>");
        assertThat(Html.options(rooms, Map.Entry::getKey, Map.Entry::getValue, null)).doesNotContain("selected");
    }
}

package academy.cedarheights.operations.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A chart drawn on the server: its words escaped, a long name cut to its label's room, each bar its value. */
class BarChartTest {

    @Test
    void drawsEachBarWithItsValueAndEscapesEveryName() {
        String svg = BarChart.of("Pay <b>", List.of("Pay"), List.of(
                new BarChart.Category("Ada <script>alert(1)</script> Keys-Longname", 12_750),
                new BarChart.Category("Bo", 0)), false, cents -> "$" + cents / 100).svg("report-chart");

        assertThat(svg).startsWith("<svg class=\"chart\" id=\"report-chart\"")
                .contains("aria-labelledby=\"report-chart-title\"><title id=\"report-chart-title\">Pay &lt;b&gt;</title>")
                .contains(">Ada &lt;script&gt;alert(1)&lt;/s...</text>")
                .contains("<title>Ada &lt;script&gt;alert(1)&lt;/script&gt; Keys-Longname, Pay: $127</title>")
                .contains("<title>Bo, Pay: $0</title>")
                .doesNotContain("<script>").endsWith("</svg>");
    }

    @Test
    void aLabelKeepsTwentySixCharacters() {
        assertThat(BarChart.abbreviated("Alexandra Konstantinopoulou")).isEqualTo("Alexandra Konstantinopo...").hasSize(26);
        assertThat(BarChart.abbreviated("Ada Keys")).isEqualTo("Ada Keys");
    }
}

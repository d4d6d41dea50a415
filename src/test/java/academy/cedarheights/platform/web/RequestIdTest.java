package academy.cedarheights.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTest {

    @Autowired Api api;

    @Test
    void aCallersRequestIdIsEchoedAndLoggedWithEveryLineOfThatRequest(CapturedOutput output) {
        Answer answer = api.post(ProblemDetailsTest.PROBE, """
                {"student_name": "Ada", "lesson_date": "2031-01-02", "duration_minutes": 30}""",
                "Content-Type", "application/json", "X-Request-Id", "trace-42.abc");

        assertThat(answer.header("X-Request-Id")).isEqualTo("trace-42.abc");
        String line = output.getOut().lines().filter(l -> l.contains("probe received a lesson for 2031-01-02"))
                .findFirst().orElseThrow();
        assertThat(line).startsWith("{").contains("\"request_id\":\"trace-42.abc\"");
    }

    @Test
    void aRequestWithoutOneGetsAFreshId() {
        String first = api.get("/api/v1/public/school").header("X-Request-Id");
        String second = api.get("/api/v1/public/school").header("X-Request-Id");

        assertThat(first).isNotBlank().isNotEqualTo(second);
    }

    @Test
    void anIdThatCouldForgeLogLinesIsReplaced() {
        Answer answer = api.get("/api/v1/public/school", "X-Request-Id", "x\"}{\"level\":\"ERROR");

        assertThat(answer.header("X-Request-Id")).doesNotContain("\"").hasSize(36);
    }

    @Test
    void refusedRequestsCarryAnIdToo() {
        assertThat(api.get("/api/v1/admin/dashboard/today").header("X-Request-Id")).isNotBlank();
    }
}

package academy.cedarheights.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every kind of bad request answers a 4xx problem+json, and nothing internal leaks. */
@IntegrationTest
class ProblemDetailsTest {

    static final String PROBE = "/api/v1/public/test-probe";
    static final String JSON = "application/json";

    @Autowired Api api;

    @Test
    void invalidFieldsAreNamedAsTheClientSpellsThem() {
        Answer answer = api.post(PROBE, """
                {"student_name": " ", "lesson_date": "2026-11-25", "duration_minutes": 0}""", "Content-Type", JSON);

        assertProblem(answer, 400, "validation");
        assertThat(answer.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("student_name", "duration_minutes");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        Answer answer = api.post(PROBE, """
                {"student_name": "Ada", "lesson_date": "next tuesday", "duration_minutes": 30}""",
                "Content-Type", JSON);

        assertProblem(answer, 400, "validation");
        assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo("lesson_date");
    }

    @Test
    void malformedJsonIsABadRequest() {
        Answer answer = api.post(PROBE, "{\"student_name\": ", "Content-Type", JSON);

        assertProblem(answer, 400, "validation");
        assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo("body");
    }

    @Test
    void aMissingBodyIsABadRequest() {
        assertProblem(api.post(PROBE, "", "Content-Type", JSON), 400, "validation");
    }

    @Test
    void theWrongMediaTypeIs415AndAnUnacceptableOneIs406() {
        assertProblem(api.post(PROBE, "student_name=Ada", "Content-Type", "application/x-www-form-urlencoded"),
                415, "unsupported-media-type");
        Answer notAcceptable = api.post(PROBE, "{\"student_name\":\"Ada\",\"lesson_date\":\"2026-11-25\","
                + "\"duration_minutes\":30}", "Content-Type", JSON, "Accept", "text/csv");
        assertThat(notAcceptable.status()).isEqualTo(406);
    }

    @Test
    void anUnknownPathIs404AndAWrongMethodIs405() {
        Answer unknown = api.get("/api/v1/public/no-such-thing");
        assertProblem(unknown, 404, "not-found");
        assertThat(unknown.json().path("detail").asString()).contains("/api/v1/public/no-such-thing");

        assertProblem(api.send(HttpRequest.newBuilder(api.uri(PROBE)).DELETE()), 405, "method-not-allowed");
    }

    @Test
    void aProtectedPathWithoutATokenIs401() {
        Answer answer = api.get("/api/v1/admin/instruments");
        assertProblem(answer, 401, "unauthorized");
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void aDomainConflictIs409() {
        Answer answer = api.get(PROBE + "/conflict");
        assertProblem(answer, 409, "conflict");
        assertThat(answer.json().path("detail").asString()).isEqualTo("The slot is already held.");
    }

    @Test
    void anUnexpectedFailureIs500WithoutInternals() {
        Answer answer = api.get(PROBE + "/boom");

        assertProblem(answer, 500, "internal");
        assertThat(answer.body()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException")
                .doesNotContain("at academy.");
    }

    @Test
    void aValidRequestEchoesSnakeCaseJson() {
        Answer answer = api.post(PROBE, """
                {"student_name": "Ada", "lesson_date": "2026-11-25", "duration_minutes": 30}""", "Content-Type", JSON);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("student_name").asString()).isEqualTo("Ada");
        assertThat(answer.json().path("lesson_date").asString()).isEqualTo("2026-11-25");
    }

    static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
        assertThat(answer.json().path("type").asString()).isEqualTo(Problems.TYPE_BASE + type);
        assertThat(answer.json().path("title").asString()).isNotBlank();
        assertThat(answer.json().path("detail").asString()).isNotBlank();
    }
}

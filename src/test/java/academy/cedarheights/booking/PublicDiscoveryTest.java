package academy.cedarheights.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The public catalogue and timetable, through HTTP, for the school named by X-School or the default one. */
@IntegrationTest
class PublicDiscoveryTest {

    @Autowired Api api;
    @Autowired TestSchools schools;

    TestSchool school;
    UUID piano;
    UUID drums;
    UUID ada;
    UUID bo;
    UUID adaMonday;
    UUID adaTuesday;
    UUID boMonday;

    @BeforeEach
    void aSchoolWithTwoTeachersAndAnInactiveOne() {
        school = schools.create();
        piano = school.instrument("piano");
        drums = school.instrument("drums");
        ada = school.teacher("Ada Keys", true, piano);
        bo = school.teacher("Bo Sticks", true, drums, piano);
        UUID gone = school.teacher("Cy Gone", false, drums);
        adaMonday = school.slot(ada, 1, "15:00");
        adaTuesday = school.slot(ada, 2, "16:00");
        boMonday = school.slot(bo, 1, "17:00");
        school.slot(bo, 3, "17:00", null, false);
        school.slot(gone, 4, "10:00");
        school.activeEnrollment(school.student(school.payee("Pat Doe"), "Kid", piano), adaTuesday);
    }

    @Test
    void theSchoolShowsItsLessonLengthAndPrices() {
        JsonNode body = get("/api/v1/public/school").json();

        assertThat(body.path("slug").asString()).isEqualTo(school.slug());
        assertThat(body.path("time_zone").asString()).isEqualTo("America/Vancouver");
        assertThat(body.path("lesson_minutes").asInt()).isEqualTo(30);
        assertThat(body.path("plans").toString()).isEqualTo("""
                [{"plan":"monthly","price":{"amount":15000,"currency":"CAD"}},\
                {"plan":"semester","per_lesson":{"amount":3500,"currency":"CAD"}},\
                {"plan":"yearly","per_lesson":{"amount":3300,"currency":"CAD"}}]""");
        assertThat(get("/api/v1/public/pricing").json()).isEqualTo(body.path("plans"));
    }

    @Test
    void instrumentsAreListedByName() {
        assertThat(get("/api/v1/public/instruments").texts("name")).containsExactly("drums", "piano");
    }

    @Test
    void onlyActiveTeachersAreListedWithWhatTheyTeach() {
        Answer answer = get("/api/v1/public/teachers");

        assertThat(answer.texts("name")).containsExactly("Ada Keys", "Bo Sticks");
        assertThat(answer.json().get(1).path("instruments").findValuesAsString("name")).containsExactly("drums", "piano");
        assertThat(answer.body()).doesNotContain("email").doesNotContain("pay");
        assertThat(get("/api/v1/public/teachers?instrument_id=" + drums).texts("name")).containsExactly("Bo Sticks");
    }

    @Test
    void theTimetableListsActiveSlotsOfActiveTeachersWithTheirAvailability() {
        Answer answer = get("/api/v1/public/timeslots");

        assertThat(answer.texts("id")).containsExactly(adaMonday.toString(), boMonday.toString(), adaTuesday.toString());
        JsonNode first = answer.json().get(0);
        assertThat(first.path("teacher_name").asString()).isEqualTo("Ada Keys");
        assertThat(first.path("start_time").asString()).isEqualTo("15:00");
        assertThat(first.path("end_time").asString()).isEqualTo("15:30");
        assertThat(first.path("weekday").asInt()).isEqualTo(1);
        assertThat(answer.texts("available")).containsExactly("true", "true", "false");
    }

    @Test
    void theTimetableFilters() {
        assertThat(get("/api/v1/public/timeslots?teacher_id=" + ada).texts("id"))
                .containsExactly(adaMonday.toString(), adaTuesday.toString());
        assertThat(get("/api/v1/public/timeslots?weekday=1").texts("id"))
                .containsExactly(adaMonday.toString(), boMonday.toString());
        assertThat(get("/api/v1/public/timeslots?instrument_id=" + drums).texts("id"))
                .containsExactly(boMonday.toString());
        assertThat(get("/api/v1/public/timeslots?available=true").texts("id"))
                .containsExactly(adaMonday.toString(), boMonday.toString());
        assertThat(get("/api/v1/public/timeslots?available=false").texts("id"))
                .containsExactly(adaTuesday.toString());
        assertThat(get("/api/v1/public/timeslots?active=false").json()).as("the public never sees inactive slots").isEmpty();
    }

    @Test
    void theSchoolPageShowsTheOpenSlotsWithEveryNameEscaped() {
        UUID hostile = school.teacher("<b>Eve</b> & \"Co\"", true, piano);
        UUID eveFriday = school.slot(hostile, 5, "09:00");

        String page = get("/").body();
        assertThat(page).contains("data-slot=\"" + adaMonday + "\"", "data-slot=\"" + boMonday + "\"",
                        "data-slot=\"" + eveFriday + "\"")
                .doesNotContain("data-slot=\"" + adaTuesday + "\"")
                .contains("<strong>15:00–15:30</strong> with <span>Ada Keys</span>")
                .contains("href=\"/book/" + adaMonday + "\" aria-label=\"Book Monday 15:00 with Ada Keys\"")
                .contains("with <span>&lt;b&gt;Eve&lt;/b&gt; &amp; &quot;Co&quot;</span>")
                .contains("<h3>&lt;b&gt;Eve&lt;/b&gt; &amp; &quot;Co&quot;</h3><p class=\"muted\">piano</p>")
                .doesNotContain("<b>Eve</b>");

        String adasWeek = get("/?teacher=" + ada + "&day=1").body();
        assertThat(adasWeek).contains("data-slot=\"" + adaMonday + "\"")
                .doesNotContain("data-slot=\"" + boMonday + "\"")
                .contains("<option value=\"" + ada + "\" selected>Ada Keys</option>")
                .contains("<option value=\"1\" selected>Monday</option>");
        assertThat(get("/?day=7").body()).contains("No open slots match");
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        Answer weekday = api.get("/api/v1/public/timeslots?weekday=8", school.header());
        assertThat(weekday.status()).isEqualTo(400);
        assertThat(weekday.json().path("errors").get(0).path("field").asString()).isEqualTo("weekday");

        Answer teacher = api.get("/api/v1/public/timeslots?teacher_id=not-a-uuid", school.header());
        assertThat(teacher.status()).isEqualTo(400);
        assertThat(teacher.json().path("errors").get(0).path("field").asString()).isEqualTo("teacher_id");

        Answer available = api.get("/api/v1/public/timeslots?available=maybe", school.header());
        assertThat(available.status()).isEqualTo(400);
        assertThat(available.json().path("errors").get(0).path("field").asString()).isEqualTo("available");
    }

    @Test
    void anotherSchoolsCatalogueIsNeverMixedIn() {
        TestSchool other = schools.create();
        other.teacher("Zed Other", true, other.instrument("harp"));

        assertThat(get("/api/v1/public/teachers").texts("name")).doesNotContain("Zed Other");
        assertThat(get("/api/v1/public/teachers?instrument_id=" + piano, other).texts("name")).isEmpty();
        assertThat(get("/api/v1/public/timeslots?teacher_id=" + ada, other).json()).isEmpty();
    }

    @Test
    void withoutXSchoolTheDefaultSchoolAnswersAndAnUnknownSchoolIs404() {
        assertThat(api.get("/api/v1/public/school").json().path("slug").asString()).isEqualTo("cedar-heights");
        assertThat(api.get("/api/v1/public/teachers").texts("name"))
                .containsExactly("Daniel Okafor", "Maya Chen", "Sofia Alvarez");

        Answer unknown = api.get("/api/v1/public/teachers", "X-School", "no-such-school");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    }

    private Answer get(String path) {
        return get(path, school);
    }

    private Answer get(String path, TestSchool as) {
        Answer answer = api.get(path, as.header());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer;
    }
}

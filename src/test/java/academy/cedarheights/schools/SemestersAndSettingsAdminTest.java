package academy.cedarheights.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@IntegrationTest
class SemestersAndSettingsAdminTest {

    @Autowired Api api;
    @Autowired TestSchools schools;

    TestSchool school;
    Session admin;

    @BeforeEach
    void aSchoolAndItsAdmin() {
        school = schools.create();
        admin = school.admin(api);
    }

    @Test
    void semestersNeverOverlapAndHaveClosuresInside() {
        Answer fall = semester("Fall", "2030-09-01", "2030-12-31");
        assertThat(fall.status()).isEqualTo(201);
        String id = fall.text("id");

        Answer overlap = semester("Winter", "2030-12-15", "2031-06-30");
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.text("detail")).contains("Fall");
        assertThat(semester("Backwards", "2031-06-30", "2031-01-01").errorFields()).containsExactly("end_date");

        Answer closure = admin.post("/api/v1/admin/semesters/" + id + "/closures",
                "{\"start_date\": \"2030-10-12\", \"end_date\": \"2030-10-12\", \"reason\": \"Thanksgiving\"}");
        assertThat(closure.status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/admin/semesters/" + id + "/closures",
                "{\"start_date\": \"2031-02-01\", \"end_date\": \"2031-02-01\"}").errorFields()).containsExactly("start_date");
        assertThat(admin.get("/api/v1/admin/semesters/" + id + "/closures").texts("reason")).containsExactly("Thanksgiving");

        assertThat(admin.patch("/api/v1/admin/semesters/" + id, "{\"name\": \"Fall 2030\"}").text("name")).isEqualTo("Fall 2030");
        assertThat(admin.delete("/api/v1/admin/semesters/" + id + "/closures/" + closure.text("id")).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/admin/semesters/" + id).status()).isEqualTo(204);
    }

    @Test
    void settingsCarryPricesAndTheAdminAllowlist() {
        Answer current = admin.get("/api/v1/admin/settings");
        assertThat(current.text("slug")).isEqualTo(school.slug());
        assertThat(current.json().path("admin_emails").size()).isEqualTo(1);

        Answer updated = admin.put("/api/v1/admin/settings", settings("America/Toronto", 30, "CAD",
                current.json().path("admin_emails").get(0).asString(), "second@school.test"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.text("time_zone")).isEqualTo("America/Toronto");
        assertThat(updated.text("brand_color")).isEqualTo("#123456");
        assertThat(updated.text("contact_email")).isEqualTo("office@school.test");
        assertThat(updated.json().path("prices").path("monthly").path("amount").asLong()).isEqualTo(16000);
        assertThat(updated.json().path("admin_emails").valueStream().map(n -> n.asString()).toList())
                .contains("second@school.test");
        assertThat(api.get("/api/v1/public/pricing", "X-School", school.slug()).json().get(0).path("price")
                .path("amount").asLong()).isEqualTo(16000);
    }

    @Test
    void settingsRulesNameTheField() {
        String me = admin.get("/api/v1/admin/settings").json().path("admin_emails").get(0).asString();
        assertThat(admin.put("/api/v1/admin/settings", settings("Nowhere/Land", 30, "CAD", me)).errorFields())
                .containsExactly("time_zone");
        assertThat(admin.put("/api/v1/admin/settings", settings("America/Vancouver", 30, "USD", me)).errorFields())
                .containsExactly("prices.monthly.currency");
        assertThat(admin.put("/api/v1/admin/settings", settings("America/Vancouver", 5, "CAD", me)).errorFields())
                .containsExactly("lesson_minutes");
        assertThat(admin.put("/api/v1/admin/settings", settings("America/Vancouver", 30, "CAD")).errorFields())
                .containsExactly("admin_emails");
    }

    @Test
    void aSchoolOffersPreAuthorisedDebitBesideCardsAndNothingElse() {
        ObjectNode settings = (ObjectNode) admin.get("/api/v1/admin/settings").json();
        assertThat(settings.path("payment_methods").valueStream().map(JsonNode::asString).toList()).containsExactly("card");
        settings.remove(List.of("slug", "currency", "base_url"));

        settings.putArray("payment_methods").add("card").add("acss_debit");
        Answer both = admin.put("/api/v1/admin/settings", settings.toString());
        assertThat(both.status()).as(both.toString()).isEqualTo(200);
        assertThat(both.json().path("payment_methods").valueStream().map(JsonNode::asString).toList())
                .containsExactly("card", "acss_debit");

        settings.putArray("payment_methods").add("bitcoin");
        assertThat(admin.put("/api/v1/admin/settings", settings.toString()).errorFields()).containsExactly("payment_methods[0]");
        settings.putArray("payment_methods");
        assertThat(admin.put("/api/v1/admin/settings", settings.toString()).errorFields()).containsExactly("payment_methods");
        settings.remove("payment_methods");
        assertThat(admin.put("/api/v1/admin/settings", settings.toString()).json().path("payment_methods").size())
                .as("left out, the methods set before stay").isEqualTo(2);
    }

    @Test
    void theYearsRulesHaveTheirDefaultsAndTheSchoolSetsThem() {
        ObjectNode settings = (ObjectNode) admin.get("/api/v1/admin/settings").json();
        assertThat(settings.path("renewal_notice_days").asInt()).isEqualTo(14);
        assertThat(settings.path("renewal_grace_days").asInt()).isEqualTo(7);
        assertThat(settings.path("min_lessons_in_term").asInt()).isEqualTo(4);
        assertThat(settings.path("cancellation_refund").asString()).isEqualTo("credit");
        assertThat(settings.path("tax_rate_percent").decimalValue()).isZero();
        assertThat(settings.path("monthly_pauses_for_closures").asBoolean()).as("a flat monthly tuition").isFalse();
        assertThat(settings.path("waitlist_offer_hours").asInt()).isEqualTo(24);
        assertThat(settings.path("sibling_discount_percent").asInt()).as("no discount unless the school gives one").isZero();
        settings.remove(List.of("slug", "currency", "base_url"));

        settings.put("renewal_notice_days", 21).put("cancellation_refund", "refund").put("tax_rate_percent", 5)
                .put("tax_registration", "123456789 RT0001").put("postal_address", "1 Cedar Lane, Vancouver BC")
                .put("monthly_pauses_for_closures", true).put("waitlist_offer_hours", 48)
                .put("sibling_discount_percent", 10);
        Answer set = admin.put("/api/v1/admin/settings", settings.toString());
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("renewal_notice_days").asInt()).isEqualTo(21);
        assertThat(set.text("cancellation_refund")).isEqualTo("refund");
        assertThat(set.json().path("tax_rate_percent").decimalValue()).isEqualByComparingTo("5");
        assertThat(set.text("postal_address")).isEqualTo("1 Cedar Lane, Vancouver BC");
        assertThat(set.json().path("monthly_pauses_for_closures").asBoolean()).isTrue();
        assertThat(set.json().path("waitlist_offer_hours").asInt()).isEqualTo(48);
        assertThat(set.json().path("sibling_discount_percent").asInt()).isEqualTo(10);

        settings.put("cancellation_refund", "keep_it");
        assertThat(admin.put("/api/v1/admin/settings", settings.toString()).errorFields())
                .containsExactly("cancellation_refund");
        settings.put("cancellation_refund", "refund").put("tax_rate_percent", 31);
        assertThat(admin.put("/api/v1/admin/settings", settings.toString()).errorFields())
                .containsExactly("tax_rate_percent");
        settings.put("tax_rate_percent", 5).put("waitlist_offer_hours", 0);
        assertThat(admin.put("/api/v1/admin/settings", settings.toString()).errorFields())
                .containsExactly("waitlist_offer_hours");
        settings.put("waitlist_offer_hours", 48).put("sibling_discount_percent", 60);
        assertThat(admin.put("/api/v1/admin/settings", settings.toString()).errorFields())
                .containsExactly("sibling_discount_percent");
        settings.put("sibling_discount_percent", 10).put("renewal_notice_days", 0);
        assertThat(admin.put("/api/v1/admin/settings", settings.toString()).errorFields())
                .containsExactly("renewal_notice_days");
        settings.put("renewal_notice_days", 21).put("tax_registration", "");
        assertThat(admin.put("/api/v1/admin/settings", settings.toString()).json().path("tax_registration")
                .asString(null)).as("an empty registration removes it").isNull();
    }

    @Test
    void theLessonLengthCannotChangeUnderActiveSlots() {
        String me = admin.get("/api/v1/admin/settings").json().path("admin_emails").get(0).asString();
        school.slot(school.teacher("Ada", true), 1, "15:00");

        Answer answer = admin.put("/api/v1/admin/settings", settings("America/Vancouver", 45, "CAD", me));
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.text("detail")).contains("1 active timeslot");
    }

    private Answer semester(String name, String start, String end) {
        return admin.post("/api/v1/admin/semesters", """
                {"name": "%s", "start_date": "%s", "end_date": "%s"}""".formatted(name, start, end));
    }

    private static String settings(String zone, int minutes, String currency, String... admins) {
        String emails = String.join("\", \"", admins);
        return """
                {"name": "Renamed School", "time_zone": "%s", "lesson_minutes": %d, "provisional_hold_days": 10,
                 "makeup_allowance_per_semester": 3,
                 "prices": {"monthly": {"amount": 16000, "currency": "%s"},
                            "semester_per_lesson": {"amount": 3600, "currency": "CAD"},
                            "yearly_per_lesson": {"amount": 3400, "currency": "CAD"}},
                 "admin_emails": [%s], "brand_color": "#123456", "contact_email": "office@school.test"}""".formatted(zone, minutes, currency, admins.length == 0 ? "" : "\"" + emails + "\"");
    }
}

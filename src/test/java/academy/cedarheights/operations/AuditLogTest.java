package academy.cedarheights.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The audit log through the API: every change with its record before and after, an admin's reading of a family's
 * account, filtered by who and by the school's days, paged — and only the school's own, only for its admins.
 */
@IntegrationTest
class AuditLogTest {

    @Autowired Api api;
    @Autowired TestSchools schools;

    @Test
    void changesAndReadsOfAFamilysAccountAreInTheLogWithWhoWhenAndWhat() {
        TestSchool school = schools.create();
        Session admin = school.admin(api);
        String me = admin.get("/api/v1/auth/me").text("email");
        String piano = admin.post("/api/v1/admin/instruments", "{\"name\": \"piano\"}").text("id");
        assertThat(admin.put("/api/v1/admin/instruments/" + piano, "{\"name\": \"grand piano\"}").status()).isEqualTo(200);
        Session parent = api.as(school.signUp(api, "pat@" + school.slug() + ".test"));
        String payee = parent.post("/api/v1/parent/payees/self", "{\"name\": \"Pat Doe\"}").text("id");
        assertThat(admin.get("/api/v1/admin/payees/" + payee + "/account").status()).isEqualTo(200);

        JsonNode log = admin.get("/api/v1/admin/audit?actor=" + me).json();

        List<String> actions = log.path("items").valueStream().map(entry -> entry.path("action").asString()).toList();
        assertThat(actions).as("newest first").startsWith("family.read", "instrument.updated", "instrument.created");
        JsonNode read = log.path("items").get(0);
        assertThat(read.path("entity").asString()).isEqualTo("payee");
        assertThat(read.path("entity_id").asString()).isEqualTo(payee);
        assertThat(read.path("after").path("read").asString()).isEqualTo("account");
        JsonNode updated = log.path("items").get(1);
        assertThat(updated.path("before").path("name").asString()).isEqualTo("piano");
        assertThat(updated.path("after").path("name").asString()).isEqualTo("grand piano");
        assertThat(log.path("items").get(2).path("before").isNull()).as("a creation has no before").isTrue();

        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        assertThat(admin.get("/api/v1/admin/audit?actor=" + me + "&from=" + today + "&to=" + today).json().path("total")
                .asLong()).isEqualTo(log.path("total").asLong());
        assertThat(admin.get("/api/v1/admin/audit?from=" + today.plusDays(1)).json().path("total").asLong()).isZero();
        assertThat(admin.get("/api/v1/admin/audit?actor=nobody@" + school.slug() + ".test").json().path("total").asLong())
                .isZero();
        Answer onePage = admin.get("/api/v1/admin/audit?actor=" + me + "&size=1&page=1");
        assertThat(onePage.json().path("items").size()).isEqualTo(1);
        assertThat(onePage.json().path("items").get(0).path("action").asString()).isEqualTo("instrument.updated");

        Answer backwards = admin.get("/api/v1/admin/audit?from=" + today + "&to=" + today.minusDays(1));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.errorFields()).containsExactly("to");
        assertThat(admin.get("/api/v1/admin/audit?from=yesterday").status()).isEqualTo(400);
        assertThat(parent.get("/api/v1/admin/audit").status()).isEqualTo(403);
        TestSchool other = schools.create();
        assertThat(other.admin(api).get("/api/v1/admin/audit?actor=" + me).json().path("total").asLong())
                .as("another school's log is its own").isZero();
    }
}

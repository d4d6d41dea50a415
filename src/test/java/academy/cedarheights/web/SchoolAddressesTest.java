package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each school's own address: under {@code /s/<slug>} on the deployment's host (its pages, its links, its own
 * sign-in cookie), or on a domain of its own — and the links its emails carry open its pages there.
 */
@IntegrationTest
class SchoolAddressesTest {

    static final String HTML = "text/html";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired Api api;
    @Autowired TestSchools schools;
    @LocalServerPort int port;

    @Test
    void aSchoolIsServedUnderItsPathPrefixWithLinksThatKeepIt() {
        TestSchool school = schools.create();
        String prefix = "/s/" + school.slug();

        Answer home = api.get(prefix + "/", "Accept", HTML);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("School " + school.slug())
                .contains("href=\"" + prefix + "/sign-in\"").contains(prefix + "/assets/css/");
        assertThat(api.get(prefix + "/assets/css/cedar.css").status()).as("its static files too").isEqualTo(200);
        assertThat(api.get(prefix).header("Location")).endsWith(prefix + "/");
        Answer parent = api.get(prefix + "/parent", "Accept", HTML);
        assertThat(parent.status()).isEqualTo(302);
        assertThat(parent.header("Location")).as("signing in stays with the school")
                .endsWith(prefix + "/sign-in?next=%2Fparent");
    }

    @Test
    void theOperatorsEndpointsAndTheApiAreNotServedUnderASchoolsPrefix() {
        TestSchool school = schools.create();
        String prefix = "/s/" + school.slug();

        assertThat(api.get(prefix + "/actuator/prometheus", "Authorization", "Bearer test-metrics-token-of-cedar-heights")
                .status()).isEqualTo(404);
        assertThat(api.get(prefix + "/actuator/health").status()).isEqualTo(404);
        assertThat(api.get(prefix + "/api/v1/public/school").status()).isEqualTo(404);
        assertThat(api.get("/s/no-such-school-here/", "Accept", HTML).status()).isEqualTo(404);
    }

    @Test
    void twoSchoolsSignedInInOneBrowserKeepTheirOwnSessions() {
        TestSchool first = schools.create();
        TestSchool second = schools.create();
        first.signUp(api, "one@families.test");
        second.signUp(api, "two@families.test");

        Browser.under(first, port).signOut().signIn("one@families.test", TestSchool.PASSWORD);
        Browser.under(second, port).signIn("two@families.test", TestSchool.PASSWORD);

        Browser atFirst = Browser.under(first, port).open("/parent");
        assertThat(atFirst.path()).isEqualTo("/parent");
        assertThat(atFirst.pageText()).contains("School " + first.slug()).doesNotContain("School " + second.slug());
        assertThat(atFirst.cookie(cookieOf(first))).isNotNull();
        Browser atSecond = Browser.under(second, port).open("/parent");
        assertThat(atSecond.path()).isEqualTo("/parent");
        assertThat(atSecond.pageText()).contains("School " + second.slug());
        assertThat(atSecond.cookie(cookieOf(second))).isNotNull();
        assertThat(atSecond.cookie("cedar_session")).as("nothing at the deployment's root").isNull();
    }

    @Test
    void aSchoolsOwnDomainSelectsItAndEveryLinkItsEmailsCarryOpensThere() {
        TestSchool school = schools.create();
        String domain = "lessons-" + school.slug() + ".example.test";
        Session admin = school.admin(api);

        Answer saved = admin.put("/api/v1/admin/settings", settingsWith(admin, domain));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        String base = "http://" + domain + ":" + port;
        assertThat(saved.text("base_url")).isEqualTo(base);
        assertThat(api.get("/api/v1/public/school", "X-School", school.slug()).text("base_url")).isEqualTo(base);

        school.signUp(api, "own@families.test");
        Browser browser = Browser.at(base).signOut().open("/forgot-password");
        assertThat(browser.pageText()).contains("School " + school.slug());
        browser.type("#email", "own@families.test").click("main button[type=submit]");
        String link = Mailbox.latest("own@families.test", "/reset-password").link("/reset-password?token=");
        assertThat(link).startsWith(base + "/reset-password?token=");
        browser.open(link.substring(base.length()));
        assertThat(browser.path()).startsWith("/reset-password");
        assertThat(browser.pageText()).contains("School " + school.slug()).contains("password");
    }

    @Test
    void aDomainIsRefusedWhenItIsNotOneOrNotTheSchoolsOwn() {
        TestSchool school = schools.create();
        TestSchool other = schools.create();
        Session admin = school.admin(api);
        Session otherAdmin = other.admin(api);
        String taken = "taken-" + other.slug() + ".example.test";
        assertThat(otherAdmin.put("/api/v1/admin/settings", settingsWith(otherAdmin, taken)).status()).isEqualTo(200);

        for (String wrong : new String[] {"not a domain", "localhost", "x.cedar.test", "-bad-.example.test", "nodot"}) {
            assertThat(admin.put("/api/v1/admin/settings", settingsWith(admin, wrong)).errorFields()).as(wrong)
                    .containsExactly("custom_domain");
        }
        Answer clash = admin.put("/api/v1/admin/settings", settingsWith(admin, taken.toUpperCase()));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.text("detail")).contains("another school");
        assertThat(admin.get("/api/v1/admin/settings").json().path("custom_domain").isNull()).isTrue();
    }

    private static String cookieOf(TestSchool school) {
        return "cedar_session_s_" + school.slug().replace('-', '_');
    }

    /** The school's settings as they are, with {@code custom_domain} set. */
    private static String settingsWith(Session admin, String domain) {
        ObjectNode settings = (ObjectNode) admin.get("/api/v1/admin/settings").json();
        settings.remove(List.of("slug", "currency", "base_url"));
        settings.put("custom_domain", domain);
        return JSON.writeValueAsString(settings);
    }
}

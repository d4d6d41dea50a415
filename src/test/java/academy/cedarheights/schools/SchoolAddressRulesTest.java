package academy.cedarheights.schools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a school lives, by the spec's order: its own domain, its subdomain, else a path under the deployment. */
class SchoolAddressRulesTest {

    static final String SITE = "https://lessons.cedarheights.app";

    @Test
    void aSchoolsOwnDomainComesFirst() {
        assertThat(SchoolAddresses.base("piano", "music.example.org", SITE, "cedarheights.app", "piano"))
                .isEqualTo("https://music.example.org");
    }

    @Test
    void elseItsSubdomainUnderTheBaseDomain() {
        assertThat(SchoolAddresses.base("piano", null, SITE, "CedarHeights.app", "cedar")).isEqualTo("https://piano.cedarheights.app");
        assertThat(SchoolAddresses.base("piano", null, "http://localhost:8081", "localhost", "cedar"))
                .as("on a laptop, the port the server listens on").isEqualTo("http://piano.localhost:8081");
    }

    @Test
    void elseAPathUnderTheDeploymentAndTheDefaultSchoolAtItsRoot() {
        assertThat(SchoolAddresses.base("piano", null, SITE, null, "cedar")).isEqualTo(SITE + "/s/piano");
        assertThat(SchoolAddresses.base("piano", null, SITE, " ", "cedar")).isEqualTo(SITE + "/s/piano");
        assertThat(SchoolAddresses.base("cedar", null, SITE, null, "cedar")).isEqualTo(SITE);
        assertThat(SchoolAddresses.base("piano", null, "http://localhost:9090", null, "cedar"))
                .isEqualTo("http://localhost:9090/s/piano");
    }
}

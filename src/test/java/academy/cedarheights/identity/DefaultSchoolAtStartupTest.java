package academy.cedarheights.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.config.AppProperties;
import academy.cedarheights.schools.Schools;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The default school is the operator's: made from ADMIN_EMAILS at start-up, never left for a stranger to take. */
@IntegrationTest
class DefaultSchoolAtStartupTest {

    @Autowired Schools schools;
    @Autowired Invitations invitations;
    @Autowired TransactionTemplate transaction;
    @Autowired DatabaseOwner owner;

    @Test
    void withoutItsOwnersTheMissingDefaultSchoolStopsTheStartUp() {
        String slug = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> startUp(slug, List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + slug + "' does not exist").hasMessageContaining("ADMIN_EMAILS");
        assertThat(schools.findBySlug(slug)).isEmpty();
    }

    @Test
    void adminEmailsCreateTheDefaultSchoolAndInviteItsOwnersOnce() {
        String slug = "maple-" + UUID.randomUUID().toString().substring(0, 8);
        startUp(slug, List.of(" Owner@Maple.TEST "));

        UUID school = schools.findBySlug(slug).orElseThrow().id();
        assertThat(owner.jdbc().sql("select email::text from school_admin_emails where school_id = :s").param("s", school)
                .query(String.class).list()).containsExactly("owner@maple.test");
        String name = "Maple " + slug.substring("maple-".length());
        Mailbox.Mail invitation = Mailbox.latest("owner@maple.test", name, "/accept-invitation");
        assertThat(invitation.subject()).isEqualTo("You are invited to " + name + " as an admin");
        assertThat(invitation.text()).contains("Cedar Heights invites you to " + name + " as an admin");

        startUp(slug, List.of("owner@maple.test"));
        assertThat(owner.jdbc().sql("select count(*) from invitations where school_id = :s").param("s", school)
                .query(Long.class).single()).as("a restart does not invite again").isEqualTo(1);
    }

    private void startUp(String defaultSchool, List<String> adminEmails) {
        AppProperties app = new AppProperties(Path.of("target"), null, defaultSchool, false, null, null);
        new DefaultSchoolAtStartup(new AdminProperties(adminEmails), app, schools, invitations, transaction).run(null);
    }
}

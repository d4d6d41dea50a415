package academy.cedarheights.identity;

import java.util.List;
import java.util.Locale;

import academy.cedarheights.platform.config.AppProperties;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.platform.web.EmailAddresses;
import academy.cedarheights.schools.NewSchool;
import academy.cedarheights.schools.SchoolSummary;
import academy.cedarheights.schools.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deployment's default school belongs to its operator, not to the first stranger who signs up. At start-up (after
 * the demo school is loaded, when it is): the default school is created from {@code APP_DEFAULT_SCHOOL} if it does not
 * exist and {@code ADMIN_EMAILS} names its admins, else the app refuses to start; each of {@code ADMIN_EMAILS} is put
 * on its allowlist and, unless the address has an account or a working invitation, invited (the link is in the local
 * outbox's log line when no mail provider is configured).
 */
@Component
@Order(100)
class DefaultSchoolAtStartup implements ApplicationRunner {

    static final String NEW_SCHOOL_TIME_ZONE = "America/Toronto";
    private static final Logger log = LoggerFactory.getLogger(DefaultSchoolAtStartup.class);
    private final AdminProperties admins;
    private final AppProperties app;
    private final Schools schools;
    private final Invitations invitations;
    private final TransactionTemplate transaction;

    DefaultSchoolAtStartup(AdminProperties admins, AppProperties app, Schools schools, Invitations invitations,
                           TransactionTemplate transaction) {
        this.admins = admins;
        this.app = app;
        this.schools = schools;
        this.invitations = invitations;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> emails = admins.emails().stream().map(email -> EmailAddresses.normalise("ADMIN_EMAILS", email))
                .toList();
        SchoolSummary school = schools.findBySlug(app.defaultSchool()).orElseGet(() -> create(emails));
        TenantContext.runAs(school.id(), () -> transaction.executeWithoutResult(status -> {
            schools.addAdmins(school.id(), emails);
            CurrentSchool current = new CurrentSchool(school.id(), school.slug(), school.timeZone());
            emails.stream().filter(email -> !invitations.accountOrOpenInvitation(school.id(), email)).forEach(email -> {
                invitations.invite(current, "Cedar Heights", email, "admin"); // the operator, by ADMIN_EMAILS
                log.info("Invited {} to be an admin of {}", email, school.slug());
            });
        }));
    }

    private SchoolSummary create(List<String> emails) {
        if (emails.isEmpty()) {
            throw new IllegalStateException("The default school '" + app.defaultSchool() + "' does not exist. Set "
                    + "ADMIN_EMAILS to its owner's address to create it at start-up (or APP_DEMO_DATA=true to try the demo).");
        }
        String name = app.defaultSchool().substring(0, 1).toUpperCase(Locale.ROOT)
                + app.defaultSchool().substring(1).replace('-', ' ');
        SchoolSummary school = transaction.execute(status -> schools.create(
                new NewSchool(app.defaultSchool(), name, NEW_SCHOOL_TIME_ZONE, "CAD")));
        log.info("Created the default school '{}' ({}, CAD; its admin can change both in Settings)", school.slug(),
                NEW_SCHOOL_TIME_ZONE);
        return school;
    }
}

package academy.cedarheights.identity;

import academy.cedarheights.platform.config.AppProperties;
import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.schools.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Adds {@code ADMIN_EMAILS} to the default school's allowlist at start-up (after the demo school is loaded). */
@Component
@Order(100)
class AdminEmailsAtStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminEmailsAtStartup.class);
    private final AdminProperties admins;
    private final AppProperties app;
    private final Schools schools;
    private final TransactionTemplate transaction;

    AdminEmailsAtStartup(AdminProperties admins, AppProperties app, Schools schools,
                         TransactionTemplate transaction) {
        this.admins = admins;
        this.app = app;
        this.schools = schools;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (admins.emails().isEmpty()) {
            return;
        }
        schools.findBySlug(app.defaultSchool()).ifPresentOrElse(
                school -> TenantContext.runAs(school.id(),
                        () -> transaction.executeWithoutResult(status -> schools.addAdmins(school.id(), admins.emails()))),
                () -> log.warn("ADMIN_EMAILS is set but the default school '{}' does not exist yet", app.defaultSchool()));
    }
}

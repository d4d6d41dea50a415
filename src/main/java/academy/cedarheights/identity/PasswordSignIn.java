package academy.cedarheights.identity;

import java.util.UUID;

import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.security.Role;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-in and sign-up with a built-in account (email and password). */
@Service
@Transactional
class PasswordSignIn {

    private final Accounts accounts;
    private final Roles roles;
    private final BackendTokens tokens;
    private final SignInLimits limits;
    private final SignInAudit audit;
    private final ApplicationEventPublisher events;

    PasswordSignIn(Accounts accounts, Roles roles, BackendTokens tokens, SignInLimits limits, SignInAudit audit,
                   ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.roles = roles;
        this.tokens = tokens;
        this.limits = limits;
        this.audit = audit;
        this.events = events;
    }

    TokenAnswer login(CurrentSchool school, String email, String password) {
        limits.countAccount(school.id(), email);
        UUID account = accounts.authenticate(school.id(), email, password).orElseThrow(() -> {
            audit.refused(school.id(), email, "password", "bad credentials");
            return new BadCredentials();
        });
        Caller caller = new Caller(account.toString(), email, roles.of(school.id(), email), school.slug());
        audit.signedIn(school.id(), caller, "password");
        return tokens.issue(caller);
    }

    /** A parent's own account; the family record is created with it (see {@link ParentSignedUp}). */
    TokenAnswer signUp(CurrentSchool school, String email, String password, String name) {
        PasswordPolicy.check("password", password, email);
        UUID account = accounts.register(school.id(), email, password);
        Caller caller = new Caller(account.toString(), email, roles.of(school.id(), email), school.slug());
        if (caller.role() == Role.PARENT) {
            events.publishEvent(new ParentSignedUp(school.id(), caller.subject(), email, name));
        }
        audit.signedUp(school.id(), caller);
        return tokens.issue(caller);
    }
}

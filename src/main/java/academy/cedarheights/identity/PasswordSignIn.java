package academy.cedarheights.identity;

import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.security.Role;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in and sign-up with a built-in account (email and password). A sign-up is always a parent's, its address
 * unproven: it earns another role, or a family record the school made, only once the owner opens the link we send
 * ({@link EmailVerifications}).
 */
@Service
@Transactional
class PasswordSignIn {

    private final Accounts accounts;
    private final Roles roles;
    private final BackendTokens tokens;
    private final Sessions sessions;
    private final SignInLimits limits;
    private final SignInAudit audit;
    private final EmailVerifications verifications;
    private final ApplicationEventPublisher events;

    PasswordSignIn(Accounts accounts, Roles roles, BackendTokens tokens, Sessions sessions, SignInLimits limits,
                   SignInAudit audit, EmailVerifications verifications, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.roles = roles;
        this.tokens = tokens;
        this.sessions = sessions;
        this.limits = limits;
        this.audit = audit;
        this.verifications = verifications;
        this.events = events;
    }

    /** @param email normalised ({@code EmailAddresses}) */
    TokenAnswer login(CurrentSchool school, String email, String password) {
        Optional<Accounts.Account> known = accounts.find(school.id(), email);
        // an account's attempts count against the account itself, however its address is spelled
        limits.countAccount(school.id(), known.map(account -> account.id().toString()).orElse(email));
        Accounts.Account account = accounts.authenticate(known, password).orElseThrow(() -> {
            audit.refused(school.id(), email, "password", "bad credentials");
            return new BadCredentials();
        });
        return signedIn(school, account.id(), account.email(), account.emailVerified(), "password");
    }

    /** A parent's own account, address unproven; the family record is created with it (see {@link ParentSignedUp}). */
    TokenAnswer signUp(CurrentSchool school, String email, String password, String name) {
        PasswordPolicy.check("password", password, email);
        UUID account = accounts.register(school.id(), email, password);
        Caller caller = new Caller(account.toString(), email, Role.PARENT, school.slug(), false);
        events.publishEvent(new ParentSignedUp(school.id(), caller.subject(), email, name));
        verifications.send(school.id(), account, email);
        audit.signedUp(school.id(), caller);
        return issue(caller);
    }

    /** Our token for a built-in account whose owner just proved who they are; the role derived afresh. */
    TokenAnswer signedIn(CurrentSchool school, UUID account, String email, boolean emailVerified, String method) {
        Caller caller = new Caller(account.toString(), email, roles.of(school.id(), email, emailVerified), school.slug(),
                emailVerified);
        audit.signedIn(school.id(), caller, method);
        return issue(caller);
    }

    /** A built-in account's token, in a new session of its identity. */
    private TokenAnswer issue(Caller caller) {
        return tokens.issue(caller, sessions.start(caller.school(), caller.subject(), SessionClaims.PASSWORD));
    }
}

package academy.cedarheights.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.notifications.Email;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.security.Role;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.EmailAddresses;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.schools.Catalogue;
import academy.cedarheights.schools.SchoolAddresses;
import academy.cedarheights.schools.Schools;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teachers and co-admins join by invitation: a single-use link, valid for seven days, emailed to the address. Opening
 * it and choosing a password proves the address, so the invitee arrives signed in with the role — an admin invitation
 * puts the address on the allowlist only then; a teacher's needs the teacher to exist with that address. Inviting an
 * address again replaces its open invitation.
 */
@Service
@Transactional
public class Invitations {

    static final Duration VALID_FOR = Duration.ofDays(7);
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Sessions sessions;
    private final Schools schools;
    private final Catalogue catalogue;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final SchoolAddresses addresses;
    private final ApplicationEventPublisher events;

    Invitations(JdbcClient jdbc, Accounts accounts, Sessions sessions, Schools schools, Catalogue catalogue,
                Notifications notifications, AuditTrail audit, SchoolAddresses addresses, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.sessions = sessions;
        this.schools = schools;
        this.catalogue = catalogue;
        this.notifications = notifications;
        this.audit = audit;
        this.addresses = addresses;
        this.events = events;
    }

    private static final String SELECT = """
            select id, email::text as email, role,
                   case when accepted_at is not null then 'accepted' when revoked_at is not null then 'revoked'
                        when expires_at <= now() then 'expired' else 'sent' end as status,
                   invited_by, created_at, expires_at, accepted_at
              from invitations
            """;

    /** Emails an invitation; a previous open one to the same address is revoked (its link stops working). */
    public Invitation invite(CurrentSchool school, String invitedBy, String typedEmail, String role) {
        String email = EmailAddresses.normalise("email", typedEmail);
        if (!Role.TEACHER.claim().equals(role) && !Role.ADMIN.claim().equals(role)) {
            throw new InvalidField("role", "must be teacher or admin");
        }
        if (Role.TEACHER.claim().equals(role) && !catalogue.isActiveTeacher(school.id(), email)) {
            throw new InvalidField("email", "no active teacher has this address; add the teacher first");
        }
        revokeOpen(school.id(), email);
        String token = AccountLinks.newToken(random);
        UUID id = jdbc.sql("""
                        insert into invitations (school_id, email, role, token_hash, invited_by, expires_at)
                        values (:school, :email, :role, :hash, :by, now() + make_interval(secs => :seconds)) returning id""")
                .param("school", school.id()).param("email", email).param("role", role)
                .param("hash", AccountLinks.hash(token)).param("by", invitedBy)
                .param("seconds", (double) VALID_FOR.toSeconds()).query(UUID.class).single();
        Invitation invitation = get(school.id(), id);
        notifications.email(school.id(), email, new Email.Invitation(addresses.link(school.id(), "/accept-invitation?token=" + token),
                Role.ADMIN.claim().equals(role) ? "an admin" : "a teacher", invitedBy,
                LocalDate.ofInstant(invitation.expiresAt(), school.timeZone())));
        audit.record(school.id(), invitedBy, "invitation.sent", "invitation", id.toString(),
                Map.of("email", email, "role", role));
        return invitation;
    }

    @Transactional(readOnly = true)
    public List<Invitation> list(UUID school) {
        return jdbc.sql(SELECT + " where school_id = :school order by created_at desc limit 500")
                .param("school", school).query(Invitation.class).list();
    }

    @Transactional(readOnly = true)
    public Invitation get(UUID school, UUID id) {
        return jdbc.sql(SELECT + " where school_id = :school and id = :id").param("school", school).param("id", id)
                .query(Invitation.class).optional().orElseThrow(() -> new NoSuchRecord("invitation", id));
    }

    /** Its link stops working; an accepted invitation cannot be revoked (remove the person's role instead). */
    public Invitation revoke(UUID school, String actor, UUID id) {
        Invitation invitation = get(school, id);
        if ("accepted".equals(invitation.status())) {
            throw new ConflictWithCurrentState("This invitation was accepted already; it cannot be revoked.");
        }
        jdbc.sql("update invitations set revoked_at = coalesce(revoked_at, now()) where school_id = :school and id = :id"
                        + " and accepted_at is null")
                .param("school", school).param("id", id).update();
        audit.record(school, actor, "invitation.revoked", "invitation", id.toString(), Map.of("email", invitation.email()));
        return get(school, id);
    }

    /** The address an open invitation's link is for, to greet the invitee; empty when the link no longer works. */
    @Transactional(readOnly = true)
    public Optional<Invitation> open(UUID school, String token) {
        return jdbc.sql(SELECT + """
                         where school_id = :school and token_hash = :hash
                           and accepted_at is null and revoked_at is null and expires_at > now()""")
                .param("school", school).param("hash", AccountLinks.hash(token == null ? "" : token))
                .query(Invitation.class).optional();
    }

    /**
     * Accepts the invitation with a new password: the account is created (or, if the address had one, given this
     * password and signed out everywhere else), its address proven, the role granted. A used, revoked, expired or
     * unknown token is refused naming {@code token}.
     *
     * @return the accepted invitation's account and address, to sign in
     */
    Caller accept(CurrentSchool school, String token, String password) {
        Invitation invitation = jdbc.sql(SELECT + """
                         where school_id = :school and token_hash = :hash
                           and accepted_at is null and revoked_at is null and expires_at > now()
                           for update""")
                .param("school", school.id()).param("hash", AccountLinks.hash(token == null ? "" : token))
                .query(Invitation.class).optional()
                .orElseThrow(() -> new InvalidField("token", "this invitation has expired, was revoked or was already used"));
        PasswordPolicy.check("password", password, invitation.email());
        UUID account = accounts.find(school.id(), invitation.email()).map(existing -> {
            accounts.changePassword(school.id(), existing.id(), password);
            sessions.endEverywhere(school.slug(), existing.id().toString());
            return existing.id();
        }).orElseGet(() -> accounts.register(school.id(), invitation.email(), password));
        accounts.markVerified(school.id(), account);
        if (Role.ADMIN.claim().equals(invitation.role())) {
            schools.addAdmins(school.id(), List.of(invitation.email()));
        }
        jdbc.sql("update invitations set accepted_at = now() where school_id = :school and id = :id")
                .param("school", school.id()).param("id", invitation.id()).update();
        events.publishEvent(new EmailVerified(school.id(), account.toString(), invitation.email()));
        audit.record(school.id(), invitation.email(), "invitation.accepted", "invitation", invitation.id().toString(),
                Map.of("role", invitation.role()));
        return new Caller(account.toString(), invitation.email(), Role.fromClaim(invitation.role()), school.slug(), true);
    }

    /** Whether the address has an account, or an invitation that still works (start-up invites only the others). */
    @Transactional(readOnly = true)
    boolean accountOrOpenInvitation(UUID school, String email) {
        return accounts.find(school, email).isPresent() || jdbc.sql("""
                        select exists (select 1 from invitations where school_id = :school and email = :email
                                          and accepted_at is null and revoked_at is null and expires_at > now())""")
                .param("school", school).param("email", email).query(Boolean.class).single();
    }

    private void revokeOpen(UUID school, String email) {
        jdbc.sql("""
                        update invitations set revoked_at = now()
                         where school_id = :school and email = :email and accepted_at is null and revoked_at is null""")
                .param("school", school).param("email", email).update();
    }
}

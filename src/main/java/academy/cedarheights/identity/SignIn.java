package academy.cedarheights.identity;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.EmailAddresses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The identity module's front door for the web layer: every way to sign in, and who the caller is. */
@Service
public class SignIn {

    private final PasswordSignIn passwords;
    private final SchoolSignUp schoolSignUp;
    private final SupabaseExchange supabase;
    private final SignInLimits limits;
    private final ObjectProvider<PayeeDirectory> payees;
    private final SupabasePasswords supabasePasswords;
    private final EmailVerifications verifications;
    private final Sessions sessions;
    private final JwtDecoder backendTokens;
    private final Invitations invitations;
    private final SignInAudit audit;
    private final TransactionTemplate transaction;

    SignIn(PasswordSignIn passwords, SchoolSignUp schoolSignUp, SupabaseExchange supabase, SignInLimits limits,
           ObjectProvider<PayeeDirectory> payees, SupabasePasswords supabasePasswords,
           EmailVerifications verifications, Sessions sessions, JwtDecoder backendTokens, Invitations invitations,
           TransactionTemplate transaction, SignInAudit audit) {
        this.audit = audit;
        this.invitations = invitations;
        this.transaction = transaction;
        this.verifications = verifications;
        this.sessions = sessions;
        this.backendTokens = backendTokens;
        this.supabasePasswords = supabasePasswords;
        this.passwords = passwords;
        this.schoolSignUp = schoolSignUp;
        this.supabase = supabase;
        this.limits = limits;
        this.payees = payees;
    }

    public void countRequestFrom(String clientAddress) {
        limits.countAddress(clientAddress);
    }

    /** An address that is not one cannot have an account: the same refusal as a wrong password. */
    public TokenAnswer login(CurrentSchool school, String email, String password) {
        return passwords.login(school, EmailAddresses.normalised(email).orElseThrow(BadCredentials::new), password);
    }

    /** A parent's account, address unproven until the emailed link is opened; the answer says so. */
    public TokenAnswer signUpParent(CurrentSchool school, String email, String password, String name) {
        return passwords.signUp(school, EmailAddresses.normalise("email", email), password, name);
    }

    /** Proves the address of the link's account and signs it in, now with the role the address earns. */
    public TokenAnswer verifyEmail(CurrentSchool school, String token) {
        AccountLinks.Holder holder = verifications.verify(school, token);
        return passwords.signedIn(school, holder.accountId(), holder.email(), true, "verify_email");
    }

    /** Accepts an invitation with a new password and signs the invitee in with the role it grants. */
    public TokenAnswer acceptInvitation(CurrentSchool school, String token, String password) {
        Caller invitee = transaction.execute(status -> invitations.accept(school, token, password));
        return passwords.signedIn(school, UUID.fromString(invitee.subject()), invitee.email(), true, "invitation");
    }

    /** Emails the verification link again to the caller's own address (a few times a window). */
    public void resendVerification(CurrentSchool school, Caller caller) {
        verifications.resend(school, caller);
    }

    /** Every token issued to the caller's identity until now is refused: by refresh at once, elsewhere within a minute. */
    public void signOutEverywhere(CurrentSchool school, Caller caller) {
        transaction.executeWithoutResult(status -> {
            sessions.endEverywhere(school.slug(), caller.subject());
            audit.signedOutEverywhere(school.id(), caller);
        });
    }

    /** Ends the session of a page's cookie; a token that is not valid any more has nothing left to end. */
    public void signOut(String backendToken) {
        try {
            sessions.end(backendTokens.decode(backendToken));
        } catch (JwtException alreadyInvalid) {
            // expired, ended or forged: nothing to revoke
        }
    }

    /** Whether strangers may create schools on this deployment. */
    public boolean schoolSignUpOpen() {
        return schoolSignUp.open();
    }

    public SchoolSignUpAnswer signUpSchool(String schoolName, String slug, String timeZone, String currency,
                                           String adminEmail, String adminPassword) {
        SchoolSignUp.Answer answer = schoolSignUp.signUp(new SchoolSignUp.Request(schoolName, slug, timeZone, currency,
                EmailAddresses.normalise("admin_email", adminEmail), adminPassword));
        return new SchoolSignUpAnswer(answer.slug(), answer.baseUrl(), answer.backendJwt(), answer.tokenType(),
                answer.expiresIn(), answer.role());
    }

    /** Whether people can sign in here with a Supabase account (the project and its anon key are configured). */
    public boolean supabaseSignInEnabled() {
        return supabasePasswords.enabled();
    }

    /** Supabase's email and password, checked by Supabase, then exchanged for our token like any Supabase token. */
    public TokenAnswer loginWithSupabase(CurrentSchool school, String email, String password) {
        return supabase.exchange(school, supabasePasswords.accessToken(email, password));
    }

    /** @param authorization the request's {@code Authorization} header: {@code Bearer <Supabase access token>} */
    public TokenAnswer exchange(CurrentSchool school, String authorization) {
        return supabase.exchange(school, bearerToken(authorization));
    }

    /** @param authorization {@code Bearer <backend token or Supabase access token>} */
    public TokenAnswer refresh(String authorization, Supplier<CurrentSchool> requestSchool) {
        return supabase.refresh(bearerToken(authorization), requestSchool);
    }

    @Transactional(readOnly = true)
    public Me me(CurrentSchool school, Caller caller) {
        Optional<UUID> payee = Optional.ofNullable(payees.getIfAvailable())
                .flatMap(directory -> directory.payeeOf(school.id(), caller.subject()));
        return new Me(caller.subject(), caller.email(), caller.role().claim(), caller.school(), payee.orElse(null),
                caller.emailVerified());
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            throw new TokenRejected("A token is required in the Authorization header as 'Bearer <token>'.");
        }
        return authorization.substring(7).trim();
    }

    /** What {@code POST /auth/signup-school} answers: the new school's slug, its address, and its admin's token. */
    public record SchoolSignUpAnswer(String slug, String baseUrl, String backendJwt, String tokenType, long expiresIn,
                                     String role) {
    }
}

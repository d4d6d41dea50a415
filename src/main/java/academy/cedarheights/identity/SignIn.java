package academy.cedarheights.identity;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's front door for the web layer: every way to sign in, and who the caller is. */
@Service
public class SignIn {

    private final PasswordSignIn passwords;
    private final SchoolSignUp schoolSignUp;
    private final SupabaseExchange supabase;
    private final SignInLimits limits;
    private final ObjectProvider<PayeeDirectory> payees;
    private final SupabasePasswords supabasePasswords;

    SignIn(PasswordSignIn passwords, SchoolSignUp schoolSignUp, SupabaseExchange supabase, SignInLimits limits,
           ObjectProvider<PayeeDirectory> payees, SupabasePasswords supabasePasswords) {
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

    public TokenAnswer login(CurrentSchool school, String email, String password) {
        return passwords.login(school, email, password);
    }

    public TokenAnswer signUpParent(CurrentSchool school, String email, String password, String name) {
        return passwords.signUp(school, email, password, name);
    }

    public SchoolSignUpAnswer signUpSchool(String schoolName, String slug, String timeZone, String currency,
                                           String adminEmail, String adminPassword) {
        SchoolSignUp.Answer answer = schoolSignUp.signUp(
                new SchoolSignUp.Request(schoolName, slug, timeZone, currency, adminEmail, adminPassword));
        return new SchoolSignUpAnswer(answer.slug(), answer.backendJwt(), answer.tokenType(), answer.expiresIn(),
                answer.role());
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
        return new Me(caller.subject(), caller.email(), caller.role().claim(), caller.school(), payee.orElse(null));
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            throw new TokenRejected("A token is required in the Authorization header as 'Bearer <token>'.");
        }
        return authorization.substring(7).trim();
    }

    /** What {@code POST /auth/signup-school} answers: the new school's slug and its admin's token. */
    public record SchoolSignUpAnswer(String slug, String backendJwt, String tokenType, long expiresIn, String role) {
    }
}

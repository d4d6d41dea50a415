package academy.cedarheights.identity.web;

import academy.cedarheights.identity.Me;
import academy.cedarheights.identity.SignIn;
import academy.cedarheights.identity.TokenAnswer;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.tenancy.SchoolResolver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in: built-in accounts, Supabase exchange, refresh, and who am I. */
@RestController
@RequestMapping(path = "/api/v1/auth", produces = "application/json")
@Tag(name = "Auth", description = "Sign-in and our 2-hour backend token")
class AuthController {

    private final SignIn signIn;
    private final SchoolResolver schools;

    AuthController(SignIn signIn, SchoolResolver schools) {
        this.signIn = signIn;
        this.schools = schools;
    }

    // addresses are checked by EmailAddresses, without a regular expression, and lengths first
    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {
    }

    record SignUpRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password,
                         @NotBlank @Size(max = 200) String name) {
    }

    record VerifyEmailRequest(@NotBlank @Size(max = 200) String token) {
    }

    record SchoolSignUpRequest(@NotBlank @Size(max = 200) String schoolName, @NotBlank @Size(max = 40) String slug,
                               @NotBlank @Size(max = 64) String timeZone, @NotBlank @Size(min = 3, max = 3) String currency,
                               @NotBlank @Size(max = 254) String adminEmail,
                               @NotBlank @Size(max = 200) String adminPassword) {
    }

    @PostMapping("/login")
    @Operation(summary = "Sign in with a built-in account; one answer for unknown email and wrong password")
    TokenAnswer login(CurrentSchool school, @Valid @RequestBody LoginRequest request) {
        return signIn.login(school, request.email(), request.password());
    }

    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a parent's built-in account and sign in; the address is proven by the emailed link")
    TokenAnswer signUp(CurrentSchool school, @Valid @RequestBody SignUpRequest request) {
        return signIn.signUpParent(school, request.email(), request.password(), request.name().trim());
    }

    @PostMapping("/verify-email")
    @Operation(summary = "Prove the address with the emailed link's token; signs in with the role it earns")
    TokenAnswer verifyEmail(CurrentSchool school, @Valid @RequestBody VerifyEmailRequest request) {
        return signIn.verifyEmail(school, request.token());
    }

    @PostMapping("/verification-email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send the verification link again to the caller's own address (rate-limited)")
    void resendVerification(CurrentSchool school, Caller caller) {
        signIn.resendVerification(school, caller);
    }

    @PostMapping("/sign-out-everywhere")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End every session of the caller: older tokens are refused (by refresh at once, elsewhere within a minute)")
    void signOutEverywhere(CurrentSchool school, Caller caller) {
        signIn.signOutEverywhere(school, caller);
    }

    @PostMapping("/signup-school")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a school with its first admin (unless APP_SCHOOL_SIGNUP=false)")
    SignIn.SchoolSignUpAnswer signUpSchool(@Valid @RequestBody SchoolSignUpRequest request) {
        return signIn.signUpSchool(request.schoolName(), request.slug(), request.timeZone(), request.currency(),
                request.adminEmail(), request.adminPassword());
    }

    @PostMapping("/exchange")
    @Operation(summary = "Exchange a Supabase access token for our backend token")
    TokenAnswer exchange(CurrentSchool school,
            @Parameter(description = "Bearer <Supabase access token>") @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return signIn.exchange(school, authorization);
    }

    @PostMapping("/refresh")
    @Operation(summary = "Renew a still-valid backend token, or exchange a Supabase token again")
    TokenAnswer refresh(HttpServletRequest request,
            @Parameter(description = "Bearer <backend or Supabase token>") @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return signIn.refresh(authorization, () -> schools.resolve(request));
    }

    @GetMapping("/me")
    @Operation(summary = "Who the backend token says you are")
    Me me(CurrentSchool school, Caller caller) {
        return signIn.me(school, caller);
    }
}

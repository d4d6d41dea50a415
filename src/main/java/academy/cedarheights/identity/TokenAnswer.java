package academy.cedarheights.identity;

/** What a successful sign-in answers: our backend token and what it allows. */
public record TokenAnswer(String backendJwt, String tokenType, long expiresIn, String role) {
}

package academy.cedarheights.identity;

/** What a successful sign-in answers: our backend token, what it allows, and whether the address is proven yet. */
public record TokenAnswer(String backendJwt, String tokenType, long expiresIn, String role, boolean emailVerified) {
}

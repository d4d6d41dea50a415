package academy.cedarheights.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A Supabase project whose access tokens may be exchanged for ours. All unset: Supabase sign-in is off.
 *
 * @param url       {@code SUPABASE_URL}, e.g. {@code https://abc.supabase.co}; tokens must be issued by {@code <url>/auth/v1}
 * @param anonKey   {@code SUPABASE_ANON_KEY}, for the sign-in pages
 * @param jwksUrl   {@code SUPABASE_JWKS_URL}; defaults to {@code <url>/auth/v1/.well-known/jwks.json}
 * @param jwtSecret {@code SUPABASE_JWT_SECRET}: the legacy HS256 secret, for projects not yet on asymmetric keys
 */
@ConfigurationProperties("supabase")
record SupabaseProperties(String url, String anonKey, String jwksUrl, String jwtSecret) {

    boolean configured() {
        return url != null && !url.isBlank();
    }

    String issuer() {
        return stripSlash(url) + "/auth/v1";
    }

    String keySetUrl() {
        return jwksUrl != null && !jwksUrl.isBlank() ? jwksUrl : issuer() + "/.well-known/jwks.json";
    }

    boolean acceptsSharedSecret() {
        return jwtSecret != null && !jwtSecret.isBlank();
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}

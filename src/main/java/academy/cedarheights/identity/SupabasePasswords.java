package academy.cedarheights.identity;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Signs a person in with their Supabase email and password from our own sign-in page: Supabase Auth's password
 * grant ({@code POST <url>/auth/v1/token?grant_type=password}, with the project's anon key) answers an access
 * token, which is then exchanged like any other. Supabase refusing the credentials (400) is a wrong password;
 * Supabase down or erring is "try again shortly", never "wrong password".
 */
@Component
class SupabasePasswords {

    private final SupabaseProperties properties;
    private final RestClient client;

    SupabasePasswords(SupabaseProperties properties) {
        this.properties = properties;
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(5));
        timeouts.setReadTimeout(Duration.ofSeconds(10));
        this.client = RestClient.builder().requestFactory(timeouts).build();
    }

    boolean enabled() {
        return properties.configured() && properties.anonKey() != null && !properties.anonKey().isBlank();
    }

    /** @return the Supabase access token of these credentials */
    String accessToken(String email, String password) {
        try {
            JsonNode answer = client.post()
                    .uri(properties.issuer() + "/token?grant_type=password")
                    .header("apikey", properties.anonKey())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("email", email, "password", password))
                    .retrieve()
                    .onStatus(status -> status.value() == 400 || status.value() == 401 || status.value() == 422,
                            (request, response) -> {
                                throw new BadCredentials();
                            })
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw new IdentityProviderUnavailable(new IllegalStateException(
                                "Supabase answered " + response.getStatusCode().value()));
                    })
                    .body(JsonNode.class);
            if (answer == null || !answer.hasNonNull("access_token")) {
                throw new IdentityProviderUnavailable(new IllegalStateException("Supabase answered no access token"));
            }
            return answer.get("access_token").asString();
        } catch (ResourceAccessException unreachable) {
            throw new IdentityProviderUnavailable(unreachable);
        }
    }
}

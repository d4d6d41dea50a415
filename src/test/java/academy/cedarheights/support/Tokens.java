package academy.cedarheights.support;

import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a JWT's claims in tests (no verification: that is what the application is tested for). */
public final class Tokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Tokens() {
    }

    public static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    public static String[] bearer(String jwt, String... more) {
        String[] headers = new String[2 + more.length];
        headers[0] = "Authorization";
        headers[1] = "Bearer " + jwt;
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }
}

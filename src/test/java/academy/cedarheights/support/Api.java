package academy.cedarheights.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the running application, through the whole filter and security chain. */
@TestComponent
public class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Environment environment;

    Api(Environment environment) {
        this.environment = environment;
    }

    /** Real HTTP to an application running in another process, on {@code port}. */
    public static Api at(int port) {
        return new Api(new org.springframework.mock.env.MockEnvironment()
                .withProperty("local.server.port", String.valueOf(port)));
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + environment.getProperty("local.server.port") + path);
    }

    public Answer get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    public Answer post(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    public Answer send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Requests signed with one backend token, sending JSON. */
    public Session as(String token) {
        return new Session(this, token);
    }

    public record Session(Api api, String token) {

        public Answer get(String path, String... headers) {
            return api.get(path, with(headers));
        }

        public Answer post(String path, String json) {
            return api.post(path, json, with("Content-Type", "application/json"));
        }

        public Answer put(String path, String json) {
            return api.send(HttpRequest.newBuilder(api.uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json)),
                    with("Content-Type", "application/json"));
        }

        public Answer patch(String path, String json) {
            return api.send(HttpRequest.newBuilder(api.uri(path))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(json)), with("Content-Type", "application/json"));
        }

        public Answer delete(String path) {
            return api.send(HttpRequest.newBuilder(api.uri(path)).DELETE(), with());
        }

        private String[] with(String... headers) {
            String[] all = new String[headers.length + 2];
            all[0] = "Authorization";
            all[1] = "Bearer " + token;
            System.arraycopy(headers, 0, all, 2, headers.length);
            return all;
        }
    }

    /** An HTTP answer with its body read as JSON on demand. */
    public record Answer(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(response.body());
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        /** The field names of a 400 problem's {@code errors}. */
        public List<String> errorFields() {
            return json().path("errors").findValuesAsString("field");
        }

        public List<String> texts(String field) {
            List<String> values = new ArrayList<>();
            json().forEach(node -> values.add(node.path(field).asString()));
            return values;
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}

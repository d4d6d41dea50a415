package academy.cedarheights.platform.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 answers of this API: every problem has a type, a title and a status. */
public final class Problems {

    /** The base of our problem type URIs; each names a page of the API documentation. */
    public static final String TYPE_BASE = "https://cedarheights.academy/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatusCode.valueOf(400), "validation", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** One field that was refused, named as the client spells it. */
    public record FieldError(String field, String message) {
    }

    /** {@code teacherId} → {@code teacher_id}; paths keep their dots and indexes. */
    public static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}

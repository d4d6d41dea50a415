package academy.cedarheights.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import academy.cedarheights.platform.web.Problems.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code PATCH} as a JSON merge patch (RFC 7396): the fields sent replace the current ones, {@code null}
 * clears one, the rest stay. The merged request is then validated exactly like a {@code PUT}.
 */
@Component
public class MergePatch {

    private final JsonMapper json;
    private final Validator validator;

    MergePatch(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** {@code current} is read in the request's shape (fields it lacks are ignored), patched, and validated. */
    public <R> R apply(Object current, JsonNode patch, Class<R> requestType) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidField("body", "must be a JSON object of the fields to change");
        }
        ObjectNode merged = json.valueToTree(current);
        patch.properties().forEach(field -> merged.set(field.getKey(), field.getValue()));
        R request;
        try {
            request = json.treeToValue(merged, requestType);
        } catch (JacksonException e) {
            throw new InvalidField(firstField(e), "has the wrong type or format");
        }
        validate(request);
        return request;
    }

    private <R> void validate(R request) {
        Set<ConstraintViolation<R>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            violations.forEach(v -> errors.add(new FieldError(Problems.snakeCase(v.getPropertyPath().toString()),
                    v.getMessage())));
            throw new InvalidFields(errors);
        }
    }

    private static String firstField(JacksonException e) {
        return e.getPath().stream().map(JacksonException.Reference::getPropertyName)
                .filter(java.util.Objects::nonNull).findFirst().orElse("body");
    }
}

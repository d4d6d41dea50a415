package academy.cedarheights.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The messages a form shows beside its fields, keyed by the field's name as the form spells it (snake_case, like
 * the API). Pages validate with the same bean constraints and service rules as the API and re-render the form.
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /** The bean constraints of a request, as the API checks them. */
    public static <T> FormErrors of(Validator validator, T request) {
        FormErrors errors = new FormErrors();
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        violations.forEach(violation -> errors.add(Problems.snakeCase(violation.getPropertyPath().toString()),
                violation.getMessage()));
        return errors;
    }

    /** A service's refusal of one field or several. */
    public static FormErrors of(RuntimeException refusal) {
        FormErrors errors = new FormErrors();
        if (refusal instanceof InvalidField invalid) {
            errors.add(invalid.field(), invalid.getMessage());
        } else if (refusal instanceof InvalidFields invalid) {
            invalid.errors().forEach(error -> errors.add(error.field(), error.message()));
        } else {
            errors.add("form", refusal.getMessage());
        }
        return errors;
    }

    /**
     * Checks a form's request as the API would (bean constraints, then the service's own rules) and acts on it;
     * the answer holds what to show beside the fields, none when it went through.
     */
    public static <T> FormErrors submit(Validator validator, T request, Consumer<T> action) {
        FormErrors errors = of(validator, request);
        if (errors.any()) {
            return errors;
        }
        try {
            action.accept(request);
            return errors;
        } catch (InvalidField | InvalidFields | ConflictWithCurrentState refused) {
            return of(refused);
        }
    }

    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public Map<String, String> all() {
        return Map.copyOf(byField);
    }
}

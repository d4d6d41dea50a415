package academy.cedarheights.platform.web;

import java.util.List;

import academy.cedarheights.platform.web.Problems.FieldError;

/** Several fields refused at once (a merged PATCH that fails validation). Answered 400. */
public class InvalidFields extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidFields(List<FieldError> errors) {
        super("The request has invalid fields.");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

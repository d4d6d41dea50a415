package academy.cedarheights.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import academy.cedarheights.platform.web.Problems.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Turns every failure of a request into an RFC 9457 {@code application/problem+json} answer:
 * validation names the fields as the client spells them, our domain exceptions map to 404/409/400,
 * and anything unexpected becomes a 500 without internals in the body.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    @ExceptionHandler(ResourceNotFound.class)
    ProblemDetail notFound(ResourceNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictWithCurrentState.class)
    ProblemDetail conflict(ConflictWithCurrentState e) {
        return Problems.of(HttpStatus.CONFLICT, e.problemType(), "Conflict", e.getMessage());
    }

    @ExceptionHandler(Unauthenticated.class)
    ResponseEntity<ProblemDetail> unauthenticated(Unauthenticated e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", e.getMessage()));
    }

    @ExceptionHandler(NotAllowed.class)
    ProblemDetail notAllowed(NotAllowed e) {
        return Problems.of(HttpStatus.FORBIDDEN, e.problemType(), "Forbidden", e.getMessage());
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequests e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests", e.getMessage()));
    }

    @ExceptionHandler(DependencyUnavailable.class)
    ResponseEntity<ProblemDetail> dependencyUnavailable(DependencyUnavailable e) {
        log.warn("A dependency is unavailable: {}", e.getMessage(), e.getCause());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", e.getMessage()));
    }

    @ExceptionHandler(RequestBodyLimit.BodyTooLarge.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(RequestBodyLimit.BodyTooLarge e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", e.getMessage()));
    }

    @ExceptionHandler(InvalidField.class)
    ProblemDetail invalidField(InvalidField e) {
        return Problems.invalid(e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(InvalidFields.class)
    ProblemDetail invalidFields(InvalidFields e) {
        return Problems.invalid(e.getMessage(), e.errors());
    }

    /** A uniqueness rule the database enforced after the service's own checks let the request through. */
    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        log.info("Refused a duplicate: {}", rootMessage(e));
        return Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", "This conflicts with an existing record.");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.info("Refused by a database constraint: {}", rootMessage(e));
        return Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict",
                "This change conflicts with the data it refers to.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side. The request id identifies it in our logs.");
    }

    /** A browser asking for a page that does not exist gets the friendly HTML page of the error controller. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return sentNotFoundPage(request) ? null : notFound(ex.getHttpMethod().name(), ex.getResourcePath(), headers);
    }

    /** The same for a path no controller or static file answers (static files live under /assets only). */
    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return sentNotFoundPage(request) ? null : notFound(ex.getHttpMethod(), ex.getRequestURL(), headers);
    }

    private static boolean sentNotFoundPage(WebRequest request) {
        if (request instanceof ServletWebRequest servlet && WebPages.isPageRequest(servlet.getRequest())
                && servlet.getResponse() != null) {
            try {
                servlet.getResponse().sendError(HttpStatus.NOT_FOUND.value());
                return true;
            } catch (java.io.IOException e) {
                log.debug("Could not send the not-found page", e);
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(error -> errors.add(new FieldError(
                Problems.snakeCase(error.getField()),
                error.isBindingFailure() ? "has the wrong type or format" : error.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
        return answer(Problems.invalid("The request has invalid fields.", errors), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String field = parameterName(result.getMethodParameter());
            result.getResolvableErrors().forEach(error -> errors.add(new FieldError(field, error.getDefaultMessage())));
        }
        return answer(Problems.invalid("The request has invalid parameters.", errors), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
                return new ResponseEntity<>(bodyTooLarge(tooLarge).getBody(), HttpStatus.CONTENT_TOO_LARGE);
            }
        }
        String field = jsonPath(ex);
        if (field == null) {
            return answer(Problems.invalid("The request body is missing or is not valid JSON.",
                    List.of(new FieldError("body", "must be a valid JSON document"))), headers);
        }
        return answer(Problems.invalid("The field '" + field + "' has a value of the wrong type or format.",
                List.of(new FieldError(field, expected(ex)))), headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        String expected = ex.getRequiredType() != null ? ex.getRequiredType().getSimpleName() : "another type";
        String message = "must be a valid " + describe(expected);
        return answer(Problems.invalid("The parameter '" + field + "' " + message + ".",
                List.of(new FieldError(field, message))), headers);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(Problems.invalid("The parameter '" + ex.getParameterName() + "' is required.",
                List.of(new FieldError(ex.getParameterName(), "is required"))), headers);
    }

    private ResponseEntity<Object> notFound(String method, String path, HttpHeaders headers) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "There is no endpoint " + method + " " + (path.startsWith("/") ? path : "/" + path) + ".");
        return answer(problem, headers);
    }

    /** Every other answer of the base class: make sure it carries one of our problem types. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        Object problemBody = body == null && ex instanceof ErrorResponse error ? error.getBody() : body;
        if (problemBody instanceof ProblemDetail problem
                && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            HttpStatus known = HttpStatus.resolve(statusCode.value());
            String slug = known != null ? known.name().toLowerCase().replace('_', '-') : "error";
            problem.setType(URI.create(Problems.TYPE_BASE + slug));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private ResponseEntity<Object> answer(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return Problems.snakeCase(String.valueOf(parameter.getParameterName()));
    }

    /** What the field takes: the names of a domain's values (a plan, a status), or only that this was not it. */
    private static String expected(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        return "has the wrong type or format";
    }

    /** The JSON path of the field Jackson could not read, as the client wrote it, or null. */
    private static String jsonPath(HttpMessageNotReadableException ex) {
        if (!(ex.getCause() instanceof JacksonException jackson) || jackson.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : jackson.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String describe(String typeName) {
        return switch (typeName) {
            case "UUID" -> "id (UUID)";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Boolean", "boolean" -> "boolean (true or false)";
            default -> typeName;
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}

package academy.cedarheights.platform.web;

/** A rule about one input field that only the service can check (it needs the database). Answered 400. */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

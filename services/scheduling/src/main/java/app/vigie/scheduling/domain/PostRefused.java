package app.vigie.scheduling.domain;

/** A change the post's state does not allow (answered 409), or a value the calendar cannot take (400). */
public class PostRefused extends RuntimeException {

    /** {@code field}: the request field at fault, null when the state is. */
    private final String field;

    public PostRefused(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

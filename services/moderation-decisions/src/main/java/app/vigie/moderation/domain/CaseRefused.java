package app.vigie.moderation.domain;

/**
 * A rule of the case refused a command. {@link Kind#FORBIDDEN} is about who asks (403), {@link Kind#CONFLICT} about
 * the state the case is in (409).
 */
public class CaseRefused extends RuntimeException {

    public enum Kind { FORBIDDEN, CONFLICT }

    private final Kind kind;

    public CaseRefused(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static CaseRefused conflict(String message) {
        return new CaseRefused(Kind.CONFLICT, message);
    }

    static CaseRefused forbidden(String message) {
        return new CaseRefused(Kind.FORBIDDEN, message);
    }
}

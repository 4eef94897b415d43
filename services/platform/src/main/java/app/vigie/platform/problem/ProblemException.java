package app.vigie.platform.problem;

import app.vigie.contracts.problem.Problem.FieldViolation;
import app.vigie.contracts.problem.ProblemKind;
import java.util.List;

/**
 * A refusal that the caller should see as a problem document. Domain and application code throw it (or a
 * subclass named in the domain's words); {@link ProblemMappers} renders it, so no resource builds error
 * responses by hand.
 */
public class ProblemException extends RuntimeException {

    private final ProblemKind kind;
    private final List<FieldViolation> violations;

    public ProblemException(ProblemKind kind, String detail) {
        this(kind, detail, List.of());
    }

    public ProblemException(ProblemKind kind, String detail, List<FieldViolation> violations) {
        super(detail, null, false, false);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public ProblemKind kind() {
        return kind;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** 400 naming one field, for rules Bean Validation cannot express (an IANA zone, an overlap). */
    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(ProblemKind.VALIDATION, field + ": " + reason, List.of(new FieldViolation(field, reason)));
    }

    /** 404 — also what another tenant's ids answer, so that their existence is not revealed. */
    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemKind.NOT_FOUND, what + " not found");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemKind.CONFLICT, detail);
    }

    public static ProblemException conflict(String field, String reason) {
        return new ProblemException(ProblemKind.CONFLICT, field + ": " + reason, List.of(new FieldViolation(field, reason)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemKind.FORBIDDEN, detail);
    }

    /** 412: the {@code If-Match} version is not the current one. */
    public static ProblemException staleVersion(String current) {
        return new ProblemException(ProblemKind.PRECONDITION_FAILED,
                "If-Match does not match the current version " + current + "; read the resource again");
    }

    /** 428: an update came without {@code If-Match}. */
    public static ProblemException versionRequired() {
        return new ProblemException(ProblemKind.PRECONDITION_REQUIRED,
                "send If-Match with the ETag you read, so that concurrent changes are not overwritten");
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(ProblemKind.TOO_LARGE, detail);
    }
}

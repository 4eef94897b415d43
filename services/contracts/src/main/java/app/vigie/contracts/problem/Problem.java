package app.vigie.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}), the body of every error Vigie answers.
 * Front ends rely on its shape: {@code type} tells the kind of problem, {@code errors} names each invalid
 * field, {@code requestId} finds the request in the logs. Schema: {@code schemas/problem.v1.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        List<FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://vigie.app/problems/";

    /** One invalid input: where it is ({@code body.languages[1]}, {@code query.limit}) and why. */
    public record FieldViolation(String field, String reason) {
    }

    public static Problem of(ProblemKind kind, String detail, String instance, String requestId) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, instance, requestId, null);
    }

    public static Problem invalid(String detail, List<FieldViolation> errors, String instance, String requestId) {
        return new Problem(ProblemKind.VALIDATION.type(), ProblemKind.VALIDATION.title(), 400, detail, instance,
                requestId, List.copyOf(errors));
    }
}

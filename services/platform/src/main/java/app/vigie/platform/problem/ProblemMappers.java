package app.vigie.platform.problem;

import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.problem.Problem;
import app.vigie.contracts.problem.Problem.FieldViolation;
import app.vigie.contracts.problem.ProblemKind;
import app.vigie.platform.request.RequestIds;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become RFC 9457 problem documents. Every service gets these mappers by
 * depending on the platform; none writes error bodies itself.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(e.kind().status());
        if (e instanceof RateLimitedException limited) {
            response.header(HttpHeaders.RETRY_AFTER, limited.retryAfterSeconds());
        }
        Problem body = e.violations().isEmpty()
                ? Problem.of(e.kind(), e.getMessage(), path(uri), RequestIds.current())
                : new Problem(e.kind().type(), e.kind().title(), e.kind().status(), e.getMessage(), path(uri),
                        RequestIds.current(), e.violations());
        return render(response, body);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(ViolationPaths.fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::reason))
                .toList();
        String detail = violations.size() == 1 ? "1 invalid field" : violations.size() + " invalid fields";
        return render(Response.status(400), Problem.invalid(detail, violations, path(uri), RequestIds.current()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !(e instanceof JsonParseException)) {
            String field = "body" + JsonPaths.of(mapping.getPath());
            String reason = switch (mapping) {
                case UnrecognizedPropertyException unknown -> "unknown field";
                case InvalidFormatException format -> "cannot be read as " + simpleName(format.getTargetType());
                case MismatchedInputException mismatch when mismatch.getTargetType() != null ->
                        "expected " + simpleName(mismatch.getTargetType());
                default -> "cannot be read";
            };
            return render(Response.status(400), Problem.invalid(field + ": " + reason,
                    List.of(new FieldViolation(field, reason)), path(uri), RequestIds.current()));
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return render(Response.status(400), Problem.of(ProblemKind.MALFORMED_JSON,
                "the body is not well-formed JSON" + where, path(uri), RequestIds.current()));
    }

    // Quarkus registers its own mapper for this subtype; a mapper for the exact type takes precedence over it.
    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    /** A concurrent update won the race after our If-Match check: the same answer as a stale If-Match. */
    @ServerExceptionMapper({jakarta.persistence.OptimisticLockException.class, org.hibernate.StaleStateException.class})
    public Response concurrentUpdate(RuntimeException e, UriInfo uri) {
        return render(Response.status(412), Problem.of(ProblemKind.PRECONDITION_FAILED,
                "the resource was changed by someone else meanwhile; read it again", path(uri), RequestIds.current()));
    }

    /**
     * A unique constraint that a check-then-insert lost to a concurrent insert: 409 rather than 500. Other
     * integrity violations are bugs (the service validates first) and stay 500.
     */
    @ServerExceptionMapper
    public Response integrity(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        if ("23505".equals(e.getSQLState()) || String.valueOf(e.getMessage()).contains("23505")) {
            return render(Response.status(409), Problem.of(ProblemKind.CONFLICT,
                    "conflicts with existing data (" + e.getConstraintName() + ")", path(uri), RequestIds.current()));
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return render(Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vigie\""),
                Problem.of(ProblemKind.UNAUTHENTICATED, "a valid bearer token is required", path(uri), RequestIds.current()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return render(Response.status(403), Problem.of(ProblemKind.FORBIDDEN,
                "your roles do not allow this operation", path(uri), RequestIds.current()));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemKind kind = switch (status) {
            case 401 -> ProblemKind.UNAUTHENTICATED;
            case 403 -> ProblemKind.FORBIDDEN;
            case 404 -> ProblemKind.NOT_FOUND;
            case 405 -> ProblemKind.METHOD_NOT_ALLOWED;
            case 406 -> ProblemKind.NOT_ACCEPTABLE;
            case 409 -> ProblemKind.CONFLICT;
            case 413 -> ProblemKind.TOO_LARGE;
            case 415 -> ProblemKind.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemKind.BAD_REQUEST;
        };
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        Response.ResponseBuilder response = Response.status(status);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return render(response, Problem.of(kind, e.getMessage(), path(uri), RequestIds.current()));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String requestId = RequestIds.current();
        LOG.errorf(e, "unexpected error on %s (request %s)", path(uri), requestId);
        return render(Response.status(500), Problem.of(ProblemKind.INTERNAL,
                "an unexpected error occurred; quote request id " + requestId + " to the operators", path(uri), requestId));
    }

    static Response render(Response.ResponseBuilder response, Problem problem) {
        try {
            return response.type(Problem.MEDIA_TYPE)
                    .entity(EventPayloads.mapper().writeValueAsString(problem))
                    .build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static String simpleName(Class<?> type) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return "one of " + java.util.Arrays.toString(constants);
        }
        return switch (type.getSimpleName()) {
            case "String" -> "a string";
            case "Integer", "int", "Long", "long", "Short", "short" -> "an integer";
            case "Double", "double", "Float", "float", "BigDecimal" -> "a number";
            case "Boolean", "boolean" -> "a boolean";
            case "UUID" -> "a UUID";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "an ISO-8601 date-time with offset";
            case "LocalDate" -> "an ISO-8601 date";
            case "List", "Set", "Collection" -> "an array";
            default -> "an object (" + type.getSimpleName() + ")";
        };
    }
}

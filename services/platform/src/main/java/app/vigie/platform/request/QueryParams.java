package app.vigie.platform.request;

import app.vigie.platform.problem.ProblemException;
import java.util.UUID;

/**
 * Typed query parameters read by hand. JAX-RS answers 404 when a {@code UUID} or {@code Integer} query parameter
 * does not convert (the spec treats it as "no such resource"); a malformed filter is a bad request, and the
 * client needs to know which parameter was wrong.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The UUID in {@code value}, or null when absent; 400 naming {@code field} when it is not a UUID. */
    public static UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }
}

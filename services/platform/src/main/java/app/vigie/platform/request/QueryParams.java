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

    /** The instant in {@code value} (ISO-8601 with an offset), or null when absent; 400 naming {@code field} otherwise. */
    public static java.time.Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 instant with an offset, e.g. 2026-12-01T09:30:00Z");
        }
    }
}

package app.vigie.platform.paging;

import app.vigie.platform.problem.ProblemException;
import java.util.Optional;

/**
 * What a client asks of a listing: at most {@code limit} items after {@code cursor}. Resources build it from
 * {@code ?limit=&cursor=} with {@link #of}.
 */
public record PageRequest(int limit, Optional<Cursor> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /**
     * From the raw query parameters: a {@code limit} that is not a number is the client's mistake (400 naming
     * {@code query.limit}), which a JAX-RS {@code Integer} parameter would have turned into a 404.
     */
    public static PageRequest fromQuery(String limit, String cursor, int cursorKeys) {
        Integer size = null;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.valueOf(limit.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("query.limit", "must be a whole number between 1 and " + MAX_LIMIT);
            }
        }
        return of(size, cursor, cursorKeys);
    }

    public static PageRequest of(Integer limit, String cursor, int cursorKeys) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid("query.limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size,
                cursor == null || cursor.isBlank() ? Optional.empty() : Optional.of(Cursor.decode(cursor, cursorKeys)));
    }

    /** Fetch one more than the limit: its presence says whether there is a next page. */
    public int fetchSize() {
        return limit + 1;
    }
}

package app.vigie.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing and the cursor of the next page ({@code null} on the last page).
 */
public record Page<T>(List<T> items, String next) {

    /**
     * Builds the page from {@link PageRequest#fetchSize()} rows: the extra row, if any, is dropped and means
     * there is a next page starting after the last kept item.
     */
    public static <T> Page<T> from(List<T> rows, PageRequest request, Function<T, Cursor> cursorOf) {
        if (rows.size() <= request.limit()) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, request.limit()));
        return new Page<>(items, cursorOf.apply(items.get(items.size() - 1)).encode());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}

package app.vigie.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.vigie.platform.problem.ProblemException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagingTest {

    record Row(String name, int id) {
    }

    @Test
    void cursorRoundTripsItsKeys() {
        Cursor cursor = Cursor.of("2026-11-25T10:00:00Z", "0193a1b2-0000-7000-8000-000000000001");

        Cursor read = Cursor.decode(cursor.encode(), 2);

        assertThat(read).isEqualTo(cursor);
        assertThat(cursor.encode()).doesNotContain("=").doesNotContain("+").doesNotContain("/");
    }

    @Test
    void aForgedOrForeignCursorIsRefusedAsInvalidQueryCursor() {
        for (String bad : List.of("not-base64!!", "bm90IGpzb24", Cursor.of("only-one").encode(), "W251bGwsIjEiXQ")) {
            assertThatThrownBy(() -> Cursor.decode(bad, 2))
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("query.cursor"));
        }
    }

    @Test
    void limitOutsideBoundsIsRefused() {
        assertThatThrownBy(() -> PageRequest.of(0, null, 1)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.of(501, null, 1)).isInstanceOf(ProblemException.class);
        assertThat(PageRequest.of(null, null, 1).limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThat(PageRequest.of(500, "", 1).after()).isEmpty();
    }

    @Test
    void pageDropsTheLookAheadRowAndPointsAfterTheLastItem() {
        PageRequest request = PageRequest.of(3, null, 2);
        List<Row> fetched = IntStream.range(0, request.fetchSize()).mapToObj(i -> new Row("r" + i, i)).toList();

        Page<Row> page = Page.from(fetched, request, r -> Cursor.of(r.name(), r.id()));

        assertThat(page.items()).extracting(Row::id).containsExactly(0, 1, 2);
        assertThat(Cursor.decode(page.next(), 2).keys()).containsExactly("r2", "2");
    }

    @Test
    void lastPageHasNoNextCursor() {
        Page<Row> page = Page.from(List.of(new Row("a", 1)), PageRequest.of(3, null, 2), r -> Cursor.of(r.name(), r.id()));

        assertThat(page.next()).isNull();
        assertThat(page.map(Row::name).items()).containsExactly("a");
    }
}

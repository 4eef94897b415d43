package app.vigie.moderation.audit;

import app.vigie.platform.paging.Cursor;
import app.vigie.platform.paging.Page;
import app.vigie.platform.paging.PageRequest;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the decision log: by tenant, moderator, community and time, oldest first. */
@ApplicationScoped
public class Decisions {

    @Inject
    AgroalDataSource dataSource;

    /** One row of the decision log. {@code statementOfReasonsId} for the restrictive ones (DSA art. 17). */
    public record Decision(String eventId, UUID caseId, String tenant, UUID communityId, String kind, String decision,
                           String actor, String actorRole, boolean automated, String category, String ground,
                           String reference, String explanation, String action, String appealOutcome,
                           Integer policyVersion, String language, Instant openedAt, Instant occurredAt,
                           String statementOfReasonsId) {
    }

    public record Filter(Optional<String> tenant, String actor, UUID communityId, Instant from, Instant to,
                         String kind) {
    }

    static final String COLUMNS = """
            event_id, case_id, tenant, community_id, kind, decision, actor, actor_role, automated, category, ground,
            reference, explanation, action, appeal_outcome, policy_version, language, opened_at, occurred_at""";

    public Page<Decision> list(Filter f, PageRequest page) {
        Instant afterTime = page.after().map(c -> Instant.parse(c.key(0))).orElse(null);
        String afterId = page.after().map(c -> c.key(1)).orElse(null);
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "select " + COLUMNS + " from decision_log where " + WHERE + """
                    and (cast(? as timestamptz) is null or (occurred_at, event_id) > (cast(? as timestamptz), ?))
                  order by occurred_at, event_id limit ?""")) {
            int i = bind(select, f);
            select.setTimestamp(i++, afterTime == null ? null : Timestamp.from(afterTime));
            select.setTimestamp(i++, afterTime == null ? null : Timestamp.from(afterTime));
            select.setString(i++, afterId);
            select.setInt(i, page.fetchSize());
            return Page.from(rows(select), page, d -> Cursor.of(d.occurredAt(), d.eventId()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the decision log", e);
        }
    }

    /** Every row of the filter, for reports and statement exports (streamed by the caller in pages of its own). */
    public List<Decision> all(Filter f) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "select " + COLUMNS + " from decision_log where " + WHERE + " order by occurred_at, event_id")) {
            bind(select, f);
            return rows(select);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the decision log", e);
        }
    }

    private static final String WHERE = """
            (cast(? as text) is null or tenant = ?)
            and (cast(? as text) is null or actor = ?)
            and (cast(? as uuid) is null or community_id = cast(? as uuid))
            and occurred_at >= ? and occurred_at < ?
            and (cast(? as text) is null or kind = ?)
            """;

    private static int bind(PreparedStatement s, Filter f) throws SQLException {
        int i = 1;
        s.setString(i++, f.tenant().orElse(null));
        s.setString(i++, f.tenant().orElse(null));
        s.setString(i++, f.actor());
        s.setString(i++, f.actor());
        s.setObject(i++, f.communityId());
        s.setObject(i++, f.communityId());
        s.setTimestamp(i++, Timestamp.from(f.from()));
        s.setTimestamp(i++, Timestamp.from(f.to()));
        s.setString(i++, f.kind());
        s.setString(i++, f.kind());
        return i;
    }

    private static List<Decision> rows(PreparedStatement select) throws SQLException {
        List<Decision> found = new ArrayList<>();
        try (ResultSet r = select.executeQuery()) {
            while (r.next()) {
                String eventId = r.getString(1);
                String decision = r.getString(6);
                String action = r.getString(14);
                boolean restrictive = "REJECTED".equals(decision) || "HIDDEN".equals(action);
                found.add(new Decision(eventId, r.getObject(2, UUID.class), r.getString(3), r.getObject(4, UUID.class),
                        r.getString(5), decision, r.getString(7), r.getString(8), r.getBoolean(9), r.getString(10),
                        r.getString(11), r.getString(12), r.getString(13), action, r.getString(15),
                        (Integer) r.getObject(16), r.getString(17), instant(r.getTimestamp(18)),
                        instant(r.getTimestamp(19)),
                        restrictive && !"APPEAL".equals(r.getString(5)) ? "sor-" + eventId : null));
            }
        }
        return found;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

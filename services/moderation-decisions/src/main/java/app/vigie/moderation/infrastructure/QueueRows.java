package app.vigie.moderation.infrastructure;

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

/** Reads of the work queue ({@code case_queue}), and the row lock that makes claim-next safe. */
@ApplicationScoped
public class QueueRows {

    @Inject
    AgroalDataSource dataSource;

    public record Row(UUID caseId, UUID communityId, String tenant, String language, int risk, String suggestedCategory,
                      String status, boolean escalated, String claimant, Instant leaseUntil, Instant deadline,
                      Instant openedAt, String decision, String decidedBy, Instant decidedAt, String category,
                      boolean appealOpen, String action) {

        public Row claimedBy(String moderator, Instant until) {
            return new Row(caseId, communityId, tenant, language, risk, suggestedCategory, "CLAIMED", escalated,
                    moderator, until, deadline, openedAt, decision, decidedBy, decidedAt, category, appealOpen, action);
        }
    }

    /** Optional filters of the queue. */
    public record Filter(UUID communityId, String language, String category) {
    }

    /**
     * A community the caller works on, the languages they read there ("*": any), and whether they are one of its
     * senior moderators (who take escalated cases).
     */
    public record Allowed(UUID communityId, List<String> languages, boolean senior) {
    }

    private static final String COLUMNS = """
            q.case_id, q.community_id, q.tenant, q.language, q.risk, q.suggested_category, q.status, q.escalated,
            q.claimant, q.lease_until, q.deadline, q.opened_at, q.decision, q.decided_by, q.decided_at, q.category,
            q.appeal_open, q.action""";

    /**
     * Waiting cases (open, or claimed with a lease that ran out) that the caller may take, best first. Each of the
     * caller's communities is read through the index {@code case_queue_waiting} (community, deadline, risk) and
     * stops after {@code limit} rows, so the cost follows the number of communities, not of waiting cases.
     * Parameters, in order: the communities (JSON), the filter's community (twice), now, language (twice),
     * category (twice), those of {@code extra}, the limit per community, the overall limit.
     */
    private static String waiting(String extra) {
        return "select " + COLUMNS + """
                  from json_to_recordset(cast(? as json)) as a(community_id uuid, languages text[], senior boolean)
                  cross join lateral (
                      select * from case_queue w
                       where w.community_id = a.community_id and w.status <> 'DECIDED'
                         and (cast(? as uuid) is null or w.community_id = cast(? as uuid))
                         and (w.status = 'OPEN' or w.lease_until < ?)
                         and ('*' = any(a.languages) or w.language is null or w.language = any(a.languages))
                         and (cast(? as text) is null or w.language = cast(? as text))
                         and (cast(? as text) is null or w.suggested_category = cast(? as text))
                """ + extra + """
                       order by w.deadline, w.risk desc
                       limit ?) q
                 order by q.deadline, q.risk desc
                 limit ?""";
    }

    public Optional<Row> find(UUID caseId) {
        return query("select " + COLUMNS + " from case_queue q where q.case_id = ?", caseId).stream().findFirst();
    }

    public List<Row> open(List<Allowed> allowed, Filter filter, Instant now, int limit) {
        List<Object> parameters = new ArrayList<>(takeableParameters(allowed, filter, now));
        parameters.add(limit);
        parameters.add(limit);
        return query(waiting(""), parameters.toArray());
    }

    /** The queue of a tenant (all tenants for platform staff), for supervisors and client admins. */
    public List<Row> openInTenant(Optional<String> tenant, Filter filter, int limit) {
        return query("select " + COLUMNS + """
                 from case_queue q
                where q.status <> 'DECIDED'
                  and (cast(? as text) is null or q.tenant = cast(? as text))
                  and (cast(? as uuid) is null or q.community_id = cast(? as uuid))
                  and (cast(? as text) is null or q.language = cast(? as text))
                  and (cast(? as text) is null or q.suggested_category = cast(? as text))
                order by q.deadline, q.risk desc limit ?""",
                tenant.orElse(null), tenant.orElse(null), filter.communityId(), filter.communityId(), filter.language(),
                filter.language(), filter.category(), filter.category(), limit);
    }

    /**
     * Locks the best waiting case the caller may take, skipping rows another transaction holds: the few best
     * candidates are found through the index, then the first of them not locked is locked. Must run inside a
     * transaction, which keeps the lock until it commits.
     */
    /** What an attempt to lock the next case found: the row it locked, or the candidates others held. */
    public record Locked(Optional<Row> row, List<UUID> candidates) {
    }

    public Locked lockNext(List<Allowed> allowed, Filter filter, String moderator, boolean spareDistressing,
                           Instant now, List<UUID> skip) {
        List<Object> parameters = new ArrayList<>(takeableParameters(allowed, filter, now));
        parameters.add(spareDistressing);
        parameters.add(moderator);
        parameters.add(skip.toArray(UUID[]::new));
        parameters.add(CANDIDATES);
        parameters.add(CANDIDATES);
        List<UUID> candidates = query(waiting("""
                         and (not ? or w.suggested_category is null
                              or w.suggested_category not in ('VIOLENCE', 'THREAT', 'SEXUAL', 'HATE'))
                         and not (w.appeal_open and w.decided_by = ?)
                         and (not w.escalated or a.senior)
                         and not (w.case_id = any(?))
                """), parameters.toArray()).stream().map(Row::caseId).toList();
        if (candidates.isEmpty()) {
            return new Locked(Optional.empty(), candidates);
        }
        return new Locked(query("select " + COLUMNS + """
                  from case_queue q
                 where q.case_id = any(?) and q.status <> 'DECIDED' and (q.status = 'OPEN' or q.lease_until < ?)
                 order by q.deadline, q.risk desc
                 limit 1
                 for update skip locked""", candidates.toArray(UUID[]::new), Timestamp.from(now)).stream().findFirst(),
                candidates);
    }

    /** How many of the best waiting cases claim-next considers before locking one. */
    private static final int CANDIDATES = 8;

    /** Where a community stands against its decision deadlines. */
    public record Sla(UUID communityId, String tenant, int waiting, int overdue, int dueSoon, Instant oldestDeadline) {
    }

    /**
     * Undecided cases per community: how many wait, how many are past their deadline, how many fall due within
     * {@code soon}; most overdue first. {@code communities} null: every community of {@code tenant} (all tenants
     * when empty).
     */
    public List<Sla> sla(Optional<String> tenant, List<UUID> communities, Instant now, java.time.Duration soon) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select community_id, min(tenant), count(*),
                            count(*) filter (where deadline < ?),
                            count(*) filter (where deadline >= ? and deadline < ?),
                            min(deadline)
                       from case_queue
                      where status <> 'DECIDED'
                        and (cast(? as text) is null or tenant = cast(? as text))
                        and (cast(? as uuid[]) is null or community_id = any(cast(? as uuid[])))
                      group by community_id
                      order by 4 desc, 6""")) {
            Timestamp at = Timestamp.from(now);
            select.setTimestamp(1, at);
            select.setTimestamp(2, at);
            select.setTimestamp(3, Timestamp.from(now.plus(soon)));
            select.setString(4, tenant.orElse(null));
            select.setString(5, tenant.orElse(null));
            java.sql.Array ids = communities == null ? null : connection.createArrayOf("uuid", communities.toArray());
            select.setArray(6, ids);
            select.setArray(7, ids);
            List<Sla> found = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    found.add(new Sla(r.getObject(1, UUID.class), r.getString(2), r.getInt(3), r.getInt(4), r.getInt(5),
                            instant(r, 6)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the SLA view", e);
        }
    }

    /** Marks a case claimed at once, in the claiming transaction, before the projection catches up. */
    public void markClaimed(UUID caseId, String moderator, Instant leaseUntil) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update case_queue set status = 'CLAIMED', claimant = ?, lease_until = ? where case_id = ?")) {
            update.setString(1, moderator);
            update.setTimestamp(2, Timestamp.from(leaseUntil));
            update.setObject(3, caseId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims whose lease ran out, for the sweeper. */
    public List<UUID> expiredLeases(Instant now, int limit) {
        return query("select " + COLUMNS + " from case_queue q where q.status = 'CLAIMED' and q.lease_until < ? limit ?",
                Timestamp.from(now), limit).stream().map(Row::caseId).toList();
    }

    private static List<Object> takeableParameters(List<Allowed> allowed, Filter filter, Instant now) {
        com.fasterxml.jackson.databind.node.ArrayNode json = app.vigie.contracts.EventPayloads.mapper().createArrayNode();
        for (Allowed a : allowed) {
            var community = json.addObject().put("community_id", a.communityId().toString()).put("senior", a.senior());
            a.languages().forEach(community.putArray("languages")::add);
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(json.toString());
        parameters.add(filter.communityId());
        parameters.add(filter.communityId());
        parameters.add(Timestamp.from(now));
        parameters.add(filter.language());
        parameters.add(filter.language());
        parameters.add(filter.category());
        parameters.add(filter.category());
        return parameters;
    }

    private List<Row> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof UUID[] ids) {
                    select.setArray(i + 1, connection.createArrayOf("uuid", ids));
                } else {
                    select.setObject(i + 1, p);
                }
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                            r.getString(4), r.getInt(5), r.getString(6), r.getString(7), r.getBoolean(8),
                            r.getString(9), instant(r, 10), instant(r, 11), instant(r, 12), r.getString(13),
                            r.getString(14), instant(r, 15), r.getString(16), r.getBoolean(17), r.getString(18)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the queue", e);
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

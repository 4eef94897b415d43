package app.vigie.scheduling.application;

import app.vigie.contracts.EventTypes;
import app.vigie.contracts.community.CommunitySnapshot;
import app.vigie.contracts.community.StaffRole;
import app.vigie.contracts.scheduling.TaskOverdue;
import app.vigie.platform.outbox.Outbox;
import app.vigie.scheduling.infrastructure.CommunityCopies;
import app.vigie.scheduling.infrastructure.JdbcWork;
import io.agroal.api.AgroalDataSource;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The reply tasks' clockwork, a clustered Quartz job: tasks without someone on shift get one (a community manager
 * of the community, on duty now, who reads the task's language, with the fewest open tasks); a task whose holder's
 * shift ended goes to someone on duty; a task past its deadline is reported once ({@code task.overdue}).
 */
@ApplicationScoped
public class TaskJobs {

    private static final Logger LOG = Logger.getLogger(TaskJobs.class);
    static final int BATCH = 200;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    // one run at a time across the cluster (SKIP alone only holds within one instance)
    @Nonconcurrent
    @Scheduled(identity = "reply-tasks", every = "${vigie.scheduling.tasks-every:10s}")
    void run() {
        try {
            assign();
            reportOverdue();
        } catch (RuntimeException e) {
            LOG.warnf(e, "reply tasks: pass failed, the next one retries");
        }
    }

    private record Waiting(UUID id, String tenant, UUID communityId, String language, String assignee,
                           Instant deadline) {
    }

    /** Assigns what no one on shift holds; returns how many tasks changed hands. */
    public int assign() {
        return JdbcWork.inTransaction(dataSource, "reply tasks", c -> {
            Instant now = clock.instant();
            Map<UUID, Staffing> staffing = new HashMap<>();
            int changed = 0;
            // page through every waiting task (by deadline, then id): tasks nobody on duty can take must not keep
            // the others from their turn
            Instant afterDeadline = Instant.EPOCH;
            UUID afterId = new UUID(0, 0);
            List<Waiting> waiting;
            do {
                waiting = waiting(c, now, afterDeadline, afterId);
                if (!waiting.isEmpty()) {
                    afterDeadline = waiting.getLast().deadline();
                    afterId = waiting.getLast().id();
                }
                changed += assign(c, waiting, staffing, now);
            } while (waiting.size() == BATCH);
            return changed;
        });
    }

    private static List<Waiting> waiting(Connection c, Instant now, Instant afterDeadline, UUID afterId)
            throws SQLException {
        List<Waiting> waiting = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                select t.id, t.tenant, t.community_id, t.language, t.assignee, t.deadline from reply_task t
                  left join shift s on s.id = t.assignee_shift
                 where t.state = 'OPEN' and (t.assignee_shift is null or s.ends_at <= ?) and (t.deadline, t.id) > (?, ?)
                 order by t.deadline, t.id limit ? for update of t skip locked""")) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setTimestamp(2, Timestamp.from(afterDeadline));
            select.setObject(3, afterId);
            select.setInt(4, BATCH);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    waiting.add(new Waiting(r.getObject(1, UUID.class), r.getString(2), r.getObject(3, UUID.class),
                            r.getString(4), r.getString(5), r.getTimestamp(6).toInstant()));
                }
            }
        }
        return waiting;
    }

    private static int assign(Connection c, List<Waiting> waiting, Map<UUID, Staffing> staffing, Instant now)
            throws SQLException {
        int changed = 0;
        for (Waiting task : waiting) {
            Staffing community = staffing.computeIfAbsent(task.communityId(), id -> staffingOf(c, id));
            String[] taker = onDuty(c, task, community, now);
            String person = taker == null ? null : taker[1];
            if (person == null && task.assignee() == null) {
                continue; // no one on duty reads it: it waits, and the coverage check shows the gap
            }
            try (PreparedStatement update = c.prepareStatement("""
                    update reply_task set assignee = ?, assignee_shift = ?, assigned_at = ?, version = version + 1
                     where id = ?""")) {
                update.setString(1, person);
                update.setObject(2, taker == null ? null : UUID.fromString(taker[0]));
                update.setTimestamp(3, person == null ? null : Timestamp.from(now));
                update.setObject(4, task.id());
                update.executeUpdate();
            }
            changed++;
        }
        return changed;
    }

    /** The shift and person to take a task, or null: on duty now, reading its language, fewest open tasks first. */
    private static String[] onDuty(Connection c, Waiting task, Staffing community, Instant now) {
        try (PreparedStatement select = c.prepareStatement("""
                select s.id, s.person from shift s
                 where s.tenant = ? and s.starts_at <= ? and s.ends_at > ?
                   and position(',' || ? || ',' in ',' || s.languages || ',') > 0
                   and (position(? in s.communities) > 0
                        or exists (select 1 from unnest(string_to_array(s.teams, ',')) team where team = any(?))
                        or (s.communities = '' and s.teams = '' and s.person = any(?)))
                 order by (select count(*) from reply_task t where t.assignee = s.person and t.state = 'OPEN'),
                          s.ends_at desc, s.person
                 limit 1""")) {
            select.setString(1, task.tenant());
            select.setTimestamp(2, Timestamp.from(now));
            select.setTimestamp(3, Timestamp.from(now));
            select.setString(4, task.language());
            select.setString(5, task.communityId().toString());
            select.setArray(6, c.createArrayOf("text", community.teams().toArray()));
            select.setArray(7, c.createArrayOf("text", community.managers().toArray()));
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? new String[] {r.getString(1), r.getString(2)} : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A community's managers and the teams assigned to it. */
    private record Staffing(List<String> managers, List<String> teams) {
    }

    private static Staffing staffingOf(Connection c, UUID community) {
        try (PreparedStatement select = c.prepareStatement("select staff from community_copy where id = ?")) {
            select.setObject(1, community);
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) {
                    return new Staffing(List.of(), List.of());
                }
                List<CommunitySnapshot.AssignedStaff> staff = CommunityCopies.staff(r.getString(1));
                return new Staffing(staff.stream().filter(s -> s.role() == StaffRole.COMMUNITY_MANAGER)
                        .map(CommunitySnapshot.AssignedStaff::subject).distinct().toList(),
                        staff.stream().filter(s -> s.role() == StaffRole.COMMUNITY_MANAGER)
                            .map(CommunitySnapshot.AssignedStaff::viaTeam).filter(java.util.Objects::nonNull)
                                .map(UUID::toString).distinct().toList());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reports each open task past its deadline once; returns how many. */
    public int reportOverdue() {
        return JdbcWork.inTransaction(dataSource, "reply tasks", c -> {
            Instant now = clock.instant();
            int reported = 0;
            try (PreparedStatement select = c.prepareStatement("""
                    select id, community_id, tenant, source, source_id, language, requested_at, deadline, assignee
                      from reply_task where state = 'OPEN' and overdue_at is null and deadline <= ?
                     order by deadline limit ? for update skip locked""");
                 PreparedStatement mark = c.prepareStatement(
                         "update reply_task set overdue_at = ?, version = version + 1 where id = ?")) {
                select.setTimestamp(1, Timestamp.from(now));
                select.setInt(2, BATCH);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        UUID id = r.getObject(1, UUID.class);
                        outbox.appendOnce(c, UUID.nameUUIDFromBytes(("task.overdue:" + id).getBytes(StandardCharsets.UTF_8)),
                                EventTypes.TASK_OVERDUE, TaskOverdue.VERSION, r.getString(3), null,
                                new TaskOverdue(id, r.getObject(2, UUID.class), r.getString(3), r.getString(4),
                                        r.getString(5), r.getString(6), r.getTimestamp(7).toInstant(),
                                        r.getTimestamp(8).toInstant(), r.getString(9), now));
                        mark.setTimestamp(1, Timestamp.from(now));
                        mark.setObject(2, id);
                        mark.addBatch();
                        reported++;
                    }
                }
                mark.executeBatch();
            }
            return reported;
        });
    }
}

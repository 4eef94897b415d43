package app.vigie.scheduling.application;

import app.vigie.contracts.EventTypes;
import app.vigie.contracts.scheduling.PostDue;
import app.vigie.platform.outbox.Outbox;
import app.vigie.scheduling.infrastructure.JdbcWork;
import app.vigie.scheduling.infrastructure.JsonColumns;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Hands scheduled posts to the publisher when their time comes (checked five times a second, so a post goes out
 * within a fifth of a second of its time): each becomes {@code DUE} and its {@code post.due}
 * goes into the outbox, in one transaction. The job is a Quartz job in the clustered JDBC store, so one instance
 * runs it at a time; rows are taken with {@code for update skip locked} and their state changes in the same
 * transaction, so even two passes at once could not hand a post over twice.
 */
@ApplicationScoped
public class DuePosts {

    private static final Logger LOG = Logger.getLogger(DuePosts.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @ConfigProperty(name = "vigie.scheduling.due-batch", defaultValue = "500")
    int batch;

    // one run at a time across the cluster (SKIP alone only holds within one instance)
    @Nonconcurrent
    @Scheduled(identity = "due-posts", every = "${vigie.scheduling.due-every:0.2s}")
    void fire() {
        try {
            while (handOver() == batch) {
                // a full batch: more are due
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "due posts: pass failed, the next one retries");
        }
    }

    /** Hands over up to one batch of due posts; returns how many. */
    public int handOver() {
        return JdbcWork.inTransaction(dataSource, "due posts", c -> handOver(c, clock.instant()));
    }

    private record Due(UUID id, UUID communityId, String tenant, String text, String media, Instant plannedAt,
                       String approvedBy, Instant approvedAt) {
    }

    private int handOver(Connection c, Instant now) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                select id, community_id, tenant, text, media, planned_at, approved_by, approved_at from post
                 where state = 'SCHEDULED' and planned_at <= ?
                 order by planned_at limit ? for update skip locked""")) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setInt(2, batch);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    due.add(new Due(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                            r.getString(4), r.getString(5), r.getTimestamp(6).toInstant(), r.getString(7),
                            r.getTimestamp(8).toInstant()));
                }
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        try (PreparedStatement update = c.prepareStatement("""
                update post set state = 'DUE', due_at = ?, updated_at = ?, next_attempt_at = ?, version = version + 1
                 where id = ?""");
             PreparedStatement history = c.prepareStatement("""
                     insert into post_history (post_id, at, actor, action, state) values (?, ?, 'vigie:due-posts', 'DUE', 'DUE')""")) {
            for (Due d : due) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setTimestamp(2, Timestamp.from(now));
                update.setTimestamp(3, Timestamp.from(now)); // the publisher's first attempt: at once
                update.setObject(4, d.id());
                update.addBatch();
                history.setObject(1, d.id());
                history.setTimestamp(2, Timestamp.from(now));
                history.addBatch();
                // the event's id comes from the post: handing it over again could not publish it twice
                outbox.appendOnce(c, UUID.nameUUIDFromBytes(("post.due:" + d.id()).getBytes(StandardCharsets.UTF_8)),
                        EventTypes.POST_DUE, PostDue.VERSION, d.tenant(), null,
                        new PostDue(d.id(), d.communityId(), d.tenant(), d.text(), JsonColumns.strings(d.media()), d.plannedAt(),
                                d.approvedBy(), d.approvedAt(), now));
            }
            update.executeBatch();
            history.executeBatch();
        }
        LOG.debugf("due posts: %d handed over", due.size());
        return due.size();
    }
}

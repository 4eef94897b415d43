package app.vigie.platform.retention;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the platform's tables from growing without end. Published outbox rows are kept
 * {@code vigie.outbox.retention} (7 days, to investigate a consumer's complaint); processed event ids
 * {@code vigie.consumer.dedup-window} (30 days: RabbitMQ redelivers within minutes or hours, so a month-old id
 * will not come back, while {@code message.received} alone adds tens of millions of ids a month).
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "vigie.outbox.retention", defaultValue = "P7D")
    Duration outboxRetention;
    @ConfigProperty(name = "vigie.consumer.dedup-window", defaultValue = "P30D")
    Duration dedupWindow;

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "vigie-platform-retention")
    void purge() {
        purge("outbox_event", "published_at", outboxRetention);
        purge("processed_event", "processed_at", dedupWindow);
    }

    private void purge(String table, String column, Duration keep) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement delete = db.prepareStatement("delete from " + table + " where " + column
                     + " < now() - make_interval(secs => ?)")) {
            delete.setLong(1, keep.toSeconds());
            int removed = delete.executeUpdate();
            if (removed > 0) {
                LOG.infof("retention: removed %d rows of %s older than %s", removed, table, keep);
            }
        } catch (SQLException e) {
            LOG.warnf("retention of %s failed, will retry: %s", table, e.getMessage());
        }
    }
}

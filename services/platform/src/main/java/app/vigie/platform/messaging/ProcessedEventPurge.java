package app.vigie.platform.messaging;

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
 * Forgets processed event ids after {@code vigie.consumer.dedup-window} (30 days by default). RabbitMQ redelivers
 * within minutes or hours, so a month-old id will not come back; without the purge the table would grow by every
 * event a service ever consumed (tens of millions of rows a month for {@code message.received}).
 */
@ApplicationScoped
public class ProcessedEventPurge {

    private static final Logger LOG = Logger.getLogger(ProcessedEventPurge.class);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "vigie.consumer.dedup-window", defaultValue = "P30D")
    Duration window;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "vigie-processed-event-purge")
    void purge() {
        try (Connection db = dataSource.getConnection();
             PreparedStatement delete = db.prepareStatement(
                     "delete from processed_event where processed_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, window.toSeconds());
            int removed = delete.executeUpdate();
            if (removed > 0) {
                LOG.infof("forgot %d processed event ids older than %s", removed, window);
            }
        } catch (SQLException e) {
            LOG.warnf("processed event purge failed, will retry: %s", e.getMessage());
        }
    }
}

package app.vigie.platform.outbox;

import app.vigie.contracts.EventTypes;
import app.vigie.platform.request.RequestIds;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox events to the {@code vigie.events} exchange, in order, a batch at a time, and marks
 * them published only once RabbitMQ has confirmed every message of the batch. When the broker is away the batch
 * stays unpublished and the next round tries again: an event is published at least once, never lost.
 * Several instances may run: {@code for update skip locked} gives each its own rows.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    BrokerLink broker;

    @ConfigProperty(name = "vigie.outbox.batch-size", defaultValue = "500")
    int batchSize;
    @ConfigProperty(name = "vigie.outbox.confirm-timeout", defaultValue = "PT10S")
    Duration confirmTimeout;
    @ConfigProperty(name = "quarkus.application.name", defaultValue = "vigie")
    String applicationName;

    private record Pending(long seq, String id, String type, int version, Timestamp occurredAt, String tenant,
                           String correlationId, String envelope) {
    }

    @Scheduled(every = "${vigie.outbox.poll-interval:1s}", delayed = "${vigie.outbox.start-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "vigie-outbox-relay")
    void relayRound() {
        int published;
        do {
            published = publishBatch();
        } while (published == batchSize);
    }

    /** Publishes one batch; returns how many events it published (0 when none waited or the broker failed). */
    public int publishBatch() {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            List<Pending> batch = lockNextBatch(db);
            if (batch.isEmpty()) {
                db.commit();
                return 0;
            }
            try {
                Channel channel = broker.channel();
                for (Pending event : batch) {
                    channel.basicPublish(EventTypes.EXCHANGE, event.type(), properties(event),
                            event.envelope().getBytes(StandardCharsets.UTF_8));
                }
                channel.waitForConfirmsOrDie(confirmTimeout.toMillis());
            } catch (Exception brokerFailure) {
                broker.discard();
                recordFailure(db, batch, brokerFailure);
                db.commit();
                LOG.warnf("outbox relay: %d events not confirmed by RabbitMQ, will retry: %s", batch.size(),
                        brokerFailure.toString());
                return 0;
            }
            markPublished(db, batch);
            db.commit();
            return batch.size();
        } catch (SQLException e) {
            LOG.warnf("outbox relay: database unavailable, will retry: %s", e.getMessage());
            return 0;
        }
    }

    /** Events left unpublished, for health checks and tests. */
    public long backlog() throws SQLException {
        try (Connection db = dataSource.getConnection();
             ResultSet rs = db.createStatement().executeQuery("select count(*) from outbox_event where published_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Pending> lockNextBatch(Connection db) throws SQLException {
        // The envelope is rendered by PostgreSQL so the published JSON is exactly what was stored.
        try (PreparedStatement select = db.prepareStatement("""
                select seq, id, type, version, occurred_at, tenant, correlation_id,
                       json_build_object('id', id, 'type', type, 'version', version,
                                         'occurredAt', to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                         'tenant', tenant, 'correlationId', correlation_id, 'payload', payload)::text
                  from outbox_event
                 where published_at is null
                 order by seq
                 limit ?
                   for update skip locked""")) {
            select.setInt(1, batchSize);
            List<Pending> batch = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    batch.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getTimestamp(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return batch;
        }
    }

    private AMQP.BasicProperties properties(Pending event) {
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("UTF-8")
                .deliveryMode(2)
                .messageId(event.id())
                .type(event.type())
                .correlationId(event.correlationId())
                .timestamp(new Date(event.occurredAt().getTime()))
                .appId(applicationName)
                .headers(event.correlationId() == null ? Map.of() : Map.of(RequestIds.HEADER, event.correlationId()))
                .build();
    }

    private void markPublished(Connection db, List<Pending> batch) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(
                "update outbox_event set published_at = now(), attempts = attempts + 1 where seq = any(?)")) {
            update.setArray(1, db.createArrayOf("bigint", batch.stream().map(Pending::seq).toArray()));
            update.executeUpdate();
        }
    }

    private void recordFailure(Connection db, List<Pending> batch, Exception failure) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(
                "update outbox_event set attempts = attempts + 1, last_error = ? where seq = any(?)")) {
            update.setString(1, String.valueOf(failure));
            update.setArray(2, db.createArrayOf("bigint", batch.stream().map(Pending::seq).toArray()));
            update.executeUpdate();
        }
    }
}

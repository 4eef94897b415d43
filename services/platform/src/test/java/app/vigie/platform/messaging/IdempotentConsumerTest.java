package app.vigie.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.vigie.platform.testing.Broker;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotentConsumerTest {

    @Inject
    AgroalDataSource dataSource;

    private static String envelope(UUID id, String counter) {
        return """
                {"id":"%s","type":"probe.counted","version":1,"occurredAt":"2026-11-25T10:00:00Z",
                 "tenant":"radio-horizon","correlationId":"c-1","payload":{"counter":"%s"}}""".formatted(id, counter);
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        String counter = "redelivery-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        try (Broker broker = Broker.connect()) {
            broker.publish("probe.counted", envelope(eventId, counter));
            broker.publish("probe.counted", envelope(eventId, counter));
            broker.publish("probe.counted", envelope(eventId, counter));
            // a distinct event on the same counter, published last, tells us the three before it were consumed
            broker.publish("probe.counted", envelope(UUID.randomUUID(), counter));
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> processed(eventId) == 1 && value(counter) == 2);
        Thread.sleep(500);
        assertThat(value(counter)).isEqualTo(2);
        assertThat(processed(eventId)).isEqualTo(1);
    }

    @Test
    void anEventThatCannotBeAppliedGoesToTheDeadLetterQueue() throws Exception {
        try (Broker broker = Broker.connect()) {
            long before = broker.depth("platform-probe.probe-events.dlq");
            broker.publish("probe.counted", envelope(UUID.randomUUID(), "poison"));
            broker.publish("probe.counted", "this is not an envelope");

            await().atMost(Duration.ofSeconds(15)).until(() -> broker.depth("platform-probe.probe-events.dlq") == before + 2);
        }
    }

    private long processed(UUID eventId) throws Exception {
        return query("select count(*) from processed_event where consumer = 'probe-counter' and event_id = ?::uuid",
                eventId.toString());
    }

    private long value(String counter) throws Exception {
        return query("select coalesce(max(value), 0) from probe_counter where name = ?", counter);
    }

    private long query(String sql, String param) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

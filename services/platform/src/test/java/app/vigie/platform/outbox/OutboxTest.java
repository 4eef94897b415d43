package app.vigie.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.platform.testing.Broker;
import app.vigie.platform.testing.Keycloak;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    private static final String NOTE = """
            {"body":"hello","languages":["fr"]}""";

    @Inject
    OutboxRelay relay;
    @Inject
    AgroalDataSource dataSource;

    private String createNote(String requestId, boolean fail, int expectedStatus) {
        return given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon"))
                .header("X-Request-Id", requestId)
                .contentType(ContentType.JSON).body(NOTE)
                .queryParam("fail", fail)
                .post("/probe/notes")
                .then().statusCode(expectedStatus)
                .extract().path("eventId");
    }

    @Test
    void committedChangeIsPublishedWithItsEnvelope() throws Exception {
        try (Broker broker = Broker.connect()) {
            Broker.Listener listener = broker.listen("probe.note-created");

            String eventId = createNote("outbox-test-1", false, 200);

            Broker.Delivery delivery = listener.next(Duration.ofSeconds(10));
            EventEnvelope event = EventPayloads.deserialize(delivery.body().getBytes(StandardCharsets.UTF_8));
            assertThat(event.id()).isEqualTo(UUID.fromString(eventId));
            assertThat(event.type()).isEqualTo("probe.note-created");
            assertThat(delivery.routingKey()).isEqualTo("probe.note-created");
            assertThat(event.tenant()).isEqualTo("radio-horizon");
            assertThat(event.correlationId()).isEqualTo("outbox-test-1");
            assertThat(event.payload().get("body").asText()).isEqualTo("hello");
            assertThat(delivery.properties().getMessageId()).isEqualTo(eventId);
            assertThat(delivery.properties().getDeliveryMode()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(5)).until(() -> publishedAt(eventId) != null);
        }
    }

    @Test
    void rolledBackChangeLeavesNoEvent() throws Exception {
        long before = count("select count(*) from outbox_event");
        long notesBefore = count("select count(*) from probe_note");

        given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon"))
                .contentType(ContentType.JSON).body(NOTE).queryParam("fail", true)
                .post("/probe/notes")
                .then().statusCode(500);

        assertThat(count("select count(*) from outbox_event")).isEqualTo(before);
        assertThat(count("select count(*) from probe_note")).isEqualTo(notesBefore);
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownArePublishedWhenItComesBack() throws Exception {
        String eventId;
        Broker.stopServer();
        try {
            eventId = createNote("outbox-broker-down", false, 200);
            // the relay keeps trying while the broker is away: the event stays unpublished, with its attempts counted
            await().atMost(Duration.ofSeconds(15)).until(() -> attempts(eventId) >= 1);
            assertThat(publishedAt(eventId)).isNull();
        } finally {
            Broker.startServer();
        }
        try (Broker broker = Broker.connect()) {
            Broker.Listener listener = broker.listen("probe.note-created");
            await().atMost(Duration.ofSeconds(30)).until(() -> publishedAt(eventId) != null);
            List<String> ids = listener.drain(Duration.ofSeconds(2)).stream()
                    .map(d -> EventPayloads.deserialize(d.body().getBytes(StandardCharsets.UTF_8)).id().toString())
                    .toList();
            // it may also have been published just before the listener was bound; either way it was confirmed
            assertThat(ids.isEmpty() || ids.contains(eventId)).isTrue();
        }
    }

    @Test
    void publishedEventIsConfirmedBeforeItIsMarked() throws Exception {
        try (Broker broker = Broker.connect()) {
            Broker.Listener listener = broker.listen("probe.note-created");
            String eventId = createNote("outbox-test-order", false, 200);
            listener.next(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(5)).until(() -> publishedAt(eventId) != null);
            assertThat(relay.backlog()).isZero();
        }
    }

    private Object publishedAt(String eventId) throws Exception {
        return single("select published_at from outbox_event where id = ?::uuid", eventId);
    }

    private int attempts(String eventId) throws Exception {
        Object attempts = single("select attempts from outbox_event where id = ?::uuid", eventId);
        return attempts == null ? 0 : ((Number) attempts).intValue();
    }

    private Object single(String sql, String param) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

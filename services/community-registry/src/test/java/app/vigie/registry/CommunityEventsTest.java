package app.vigie.registry;

import static app.vigie.registry.support.Registry.HORIZON;
import static app.vigie.registry.support.Registry.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.community.CommunitySnapshot;
import app.vigie.platform.testing.Broker;
import app.vigie.registry.support.Registry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every change reaches RabbitMQ as a snapshot event, also when RabbitMQ was down at the time of the change. */
@QuarkusTest
class CommunityEventsTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void tenants() {
        Registry.demoTenants();
    }

    private static EventEnvelope envelope(Broker.Delivery delivery) {
        return EventPayloads.deserialize(delivery.body().getBytes(StandardCharsets.UTF_8));
    }

    /** The next delivery about {@code community}, skipping events of other tests' communities. */
    private static Broker.Delivery nextAbout(Broker.Listener listener, String community) throws InterruptedException {
        while (true) {
            Broker.Delivery delivery = listener.next(Duration.ofSeconds(15));
            if (envelope(delivery).payload().path("communityId").asText().equals(community)) {
                return delivery;
            }
        }
    }

    @Test
    void registrationPolicyChangeAssignmentAndArchiveEachPublishASnapshot() throws Exception {
        try (Broker broker = Broker.connect()) {
            Broker.Listener listener = broker.listen("community.*");
            String externalId = Registry.unique("fb");
            String id = Registry.register("client-admin.horizon", null, externalId).path("id");

            Broker.Delivery registered = nextAbout(listener, id);
            EventEnvelope event = envelope(registered);
            CommunitySnapshot snapshot = EventPayloads.read(event, CommunitySnapshot.class);
            assertThat(registered.routingKey()).isEqualTo("community.registered");
            assertThat(event.tenant()).isEqualTo(HORIZON);
            assertThat(event.version()).isEqualTo(1);
            assertThat(snapshot.externalId()).isEqualTo(externalId);
            assertThat(snapshot.tenantLegalName()).isEqualTo("Radio Horizon SAS");
            assertThat(snapshot.languages()).containsExactly("fr", "en");
            assertThat(snapshot.policy().version()).isEqualTo(1);
            assertThat(snapshot.coverage().hours()).containsKeys("MONDAY", "SATURDAY");
            long firstRevision = snapshot.revision();

            as("client-admin.horizon").body("""
                            {"forbiddenCategories":["SPAM"],"autoHideThreshold":0.6,"blockedTerms":{"fr":["arnaque"]}}""")
                    .header("If-Match", "\"1\"").put("/communities/" + id + "/policy").then().statusCode(200);
            Broker.Delivery policyChanged = nextAbout(listener, id);
            CommunitySnapshot afterPolicy = EventPayloads.read(envelope(policyChanged), CommunitySnapshot.class);
            assertThat(policyChanged.routingKey()).isEqualTo("community.updated");
            assertThat(afterPolicy.policy().version()).isEqualTo(2);
            assertThat(afterPolicy.policy().blockedTerms()).containsEntry("fr", java.util.List.of("arnaque"));
            assertThat(afterPolicy.revision()).isGreaterThan(firstRevision);

            String staff = Registry.staffFor("moderator.horizon", HORIZON, "fr", "en");
            as("client-admin.horizon").body("""
                    {"staffId":"%s","role":"MODERATOR"}""".formatted(staff)).post("/communities/" + id + "/assignments")
                    .then().statusCode(201);
            CommunitySnapshot afterAssignment = EventPayloads.read(envelope(nextAbout(listener, id)), CommunitySnapshot.class);
            assertThat(afterAssignment.staff()).anySatisfy(s -> {
                assertThat(s.subject()).isEqualTo(Registry.subjectOf("moderator.horizon"));
                assertThat(s.languages()).containsExactly("fr", "en");
            });

            String etag = as("client-admin.horizon").get("/communities/" + id).header("ETag");
            as("client-admin.horizon").header("If-Match", etag).post("/communities/" + id + "/archive").then().statusCode(200);
            Broker.Delivery archived = nextAbout(listener, id);
            assertThat(archived.routingKey()).isEqualTo("community.archived");
            assertThat(EventPayloads.read(envelope(archived), CommunitySnapshot.class).status()).isEqualTo("ARCHIVED");
        }
    }

    @Test
    void republishingSendsEveryCommunityAgainWithItsRevisionUnchanged() throws Exception {
        String id = Registry.register("staff.admin", HORIZON, Registry.unique("fb")).path("id");
        long revision = Long.parseLong(as("staff.admin").get("/communities/" + id).header("ETag").replace("\"", ""));
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublished(id) == 0); // its registration is out already
        try (Broker broker = Broker.connect()) {
            Broker.Listener listener = broker.listen("community.*");

            as("staff.admin").post("/communities/republish").then().statusCode(200);

            Broker.Delivery again = nextAbout(listener, id);
            assertThat(again.routingKey()).isEqualTo("community.updated");
            assertThat(EventPayloads.read(envelope(again), CommunitySnapshot.class).revision()).isEqualTo(revision);
        }
        as("client-admin.horizon").post("/communities/republish").then().statusCode(403);
    }

    @Test
    void aRefusedChangePublishesNothing() throws Exception {
        String externalId = Registry.unique("fb");
        Registry.register("staff.admin", HORIZON, externalId);
        long before = outboxCount();

        as("staff.admin").body(Registry.community(HORIZON, externalId)).post("/communities").then().statusCode(409);

        assertThat(outboxCount()).isEqualTo(before);
    }

    @Test
    void anUpdateWhileRabbitMqIsStoppedIsPublishedWhenItComesBack() throws Exception {
        String id = Registry.register("client-admin.horizon", null, Registry.unique("fb")).path("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublished(id) == 0);
        String etag = as("client-admin.horizon").get("/communities/" + id).header("ETag");

        Broker.stopServer();
        try {
            as("client-admin.horizon").body(Registry.community(null, Registry.unique("fb-renamed")))
                    .header("If-Match", etag).put("/communities/" + id).then().statusCode(200);
            Thread.sleep(2_000);
            assertThat(unpublished(id)).isEqualTo(1);
        } finally {
            Broker.startServer();
        }
        try (Broker broker = Broker.connect()) {
            broker.listen("community.updated");
            await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(id) == 0);
        }
    }

    private long outboxCount() throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("select count(*) from outbox_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long unpublished(String communityId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from outbox_event where published_at is null and payload->>'communityId' = ?")) {
            s.setString(1, communityId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

}

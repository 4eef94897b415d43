package app.vigie.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.community.Category;
import app.vigie.contracts.moderation.CaseDecided;
import app.vigie.platform.signing.Signatures;
import app.vigie.intake.support.ClientEndpoint;
import app.vigie.intake.support.Communities;
import app.vigie.platform.testing.Broker;
import app.vigie.platform.testing.Keycloak;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnforcementCallbacksTest {

    @Inject
    AgroalDataSource db;

    private static EventEnvelope decided(UUID message, UUID community, String decision) {
        CaseDecided payload = new CaseDecided(UUID.randomUUID(), message, community, "radio-horizon", decision,
                decision.equals("REJECTED") ? Category.INSULT : null, decision.equals("REJECTED") ? "INCOMPATIBLE_WITH_TERMS" : null,
                "Insulte envers un animateur", "sor-2026-000123", 1, "moderator.horizon", Instant.parse("2026-11-25T23:00:00Z"),
                decision.equals("REJECTED") ? "REMOVED" : null, false);
        return new EventEnvelope(UUID.randomUUID(), "case.decided", 1, Instant.now(), "radio-horizon", "test",
                EventPayloads.toTree(payload));
    }

    private static void publish(EventEnvelope event) throws Exception {
        try (Broker broker = Broker.connect()) {
            broker.publish(event.type(), new String(EventPayloads.serialize(event), StandardCharsets.UTF_8));
        }
    }

    private String message(UUID community) {
        return IngestTest.horizonClient().body(Communities.message(community, "e-" + UUID.randomUUID(), "Espèce de connard"))
                .post("/messages").then().statusCode(201).extract().path("id");
    }

    @Test
    void aRejectionIsDeliveredOnceSignedAndTheMessageStaysHidden() throws Exception {
        try (ClientEndpoint client = new ClientEndpoint()) {
            UUID community = Communities.registeredWithCallback(db, "radio-horizon", client.url());
            String id = message(community);
            EventEnvelope event = decided(UUID.fromString(id), community, "REJECTED");

            publish(event);
            publish(event); // RabbitMQ may deliver twice: one callback all the same

            await().atMost(Duration.ofSeconds(15)).until(() -> !client.calls.isEmpty());
            Thread.sleep(1_500);
            assertThat(client.calls).hasSize(1);
            ClientEndpoint.Call call = client.calls.get(0);
            String timestamp = call.header("X-Vigie-Timestamp");
            assertThat(call.header("X-Vigie-Signature")).isEqualTo("sha256=" + Signatures.hmacSha256Hex("test-site-secret",
                    (timestamp + "." + call.body()).getBytes(StandardCharsets.UTF_8)));
            var body = EventPayloads.mapper().readTree(call.body());
            assertThat(body.get("decision").asText()).isEqualTo("REJECTED");
            assertThat(body.get("category").asText()).isEqualTo("INSULT");
            assertThat(body.get("statementOfReasonsId").asText()).isEqualTo("sor-2026-000123");
            assertThat(body.get("deliveryId").asText()).isEqualTo(call.header("X-Vigie-Delivery"));

            given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon")).get("/messages/" + id)
                    .then().body("decision", equalTo("REJECTED")).body("hidden", equalTo(true));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon")).get("/messages/" + id + "/deliveries")
                            .then().body("[0].status", equalTo("DELIVERED")).body("[0].attempts", equalTo(1)));
        }
    }

    @Test
    void aFailingEndpointIsRetriedThenDeadThenRetriedByHand() throws Exception {
        try (ClientEndpoint client = new ClientEndpoint()) {
            client.failNext.set(100);
            UUID community = Communities.registeredWithCallback(db, "radio-horizon", client.url());
            String id = message(community);

            publish(decided(UUID.fromString(id), community, "APPROVED"));

            await().atMost(Duration.ofSeconds(20)).until(() -> client.calls.size() >= 3);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon")).get("/messages/" + id + "/deliveries")
                            .then().body("[0].status", equalTo("DEAD")).body("[0].attempts", equalTo(3))
                            .body("[0].lastStatus", equalTo(503)));
            String delivery = given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon")).get("/deliveries/dead")
                    .then().statusCode(200).body("messageId", hasItem(id)).extract()
                    .path("find { it.messageId == '" + id + "' }.id");

            given().auth().oauth2(Keycloak.tokenFor("client-admin.lumen")).post("/deliveries/" + delivery + "/retry")
                    .then().statusCode(404);
            client.failNext.set(0);
            given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon")).post("/deliveries/" + delivery + "/retry")
                    .then().statusCode(200).body("status", equalTo("PENDING"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon")).get("/messages/" + id + "/deliveries")
                            .then().body("[0].status", equalTo("DELIVERED")));
            given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon")).get("/messages/" + id)
                    .then().body("decision", equalTo("APPROVED")).body("hidden", equalTo(false));
        }
    }
}

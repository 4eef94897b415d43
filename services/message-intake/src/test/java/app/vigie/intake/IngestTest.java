package app.vigie.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.community.Category;
import app.vigie.contracts.community.ModerationMode;
import app.vigie.contracts.message.MessageReceived;
import app.vigie.intake.support.Communities;
import app.vigie.platform.testing.Broker;
import app.vigie.platform.testing.Keycloak;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IngestTest {

    @Inject
    AgroalDataSource db;

    static RequestSpecification horizonClient() {
        return given().auth().oauth2(Keycloak.clientToken("integration-radio-horizon")).contentType(ContentType.JSON);
    }

    /** The next message.received about {@code messageId}, skipping other tests' messages. */
    static EventEnvelope nextAbout(Broker.Listener listener, String messageId) throws InterruptedException {
        while (true) {
            EventEnvelope event = EventPayloads.deserialize(listener.next(Duration.ofSeconds(15)).body()
                    .getBytes(StandardCharsets.UTF_8));
            if (event.payload().path("messageId").asText().equals(messageId)) {
                return event;
            }
        }
    }

    @Test
    void aMessageIsStoredTriagedAndPublishedOnce() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);
        String externalId = "c-" + UUID.randomUUID();
        try (Broker broker = Broker.connect()) {
            Broker.Listener listener = broker.listen("message.received");

            String id = horizonClient().body(Communities.message(community, externalId,
                            "Merci pour la réponse rapide, le problème est réglé !"))
                    .post("/messages")
                    .then().statusCode(201)
                    .header("Location", org.hamcrest.Matchers.containsString("/messages/"))
                    .body("status", equalTo("created"))
                    .body("hidden", equalTo(false))
                    .body("suggestedCategory", nullValue())
                    .extract().path("id");

            EventEnvelope event = nextAbout(listener, id);
            MessageReceived received = EventPayloads.read(event, MessageReceived.class);
            assertThat(received.messageId()).isEqualTo(UUID.fromString(id));
            assertThat(received.version()).isEqualTo(1);
            assertThat(received.communityId()).isEqualTo(community);
            assertThat(event.tenant()).isEqualTo("radio-horizon");
            assertThat(received.author().name()).isEqualTo("Jean D.");
            assertThat(received.triage().language()).isEqualTo("fr");
            assertThat(received.triage().fingerprint()).isNotBlank();

            horizonClient().body(Communities.message(community, externalId, "a replay with other text"))
                    .post("/messages")
                    .then().statusCode(200).body("status", equalTo("duplicate")).body("id", equalTo(id));
            assertThat(listener.drain(Duration.ofSeconds(2))).as("a replay publishes nothing")
                    .noneMatch(d -> d.body().contains(id));
        }
    }

    @Test
    void anInsultAboveTheThresholdIsHiddenWithItsReasons() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);

        String id = horizonClient().body(Communities.message(community, "c-" + UUID.randomUUID(),
                        "Espèce de connard, tu sers à rien."))
                .post("/messages")
                .then().statusCode(201)
                .body("suggestedCategory", equalTo(Category.INSULT.name()))
                .body("hidden", equalTo(true))
                .extract().path("id");

        given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon")).get("/messages/" + id)
                .then().statusCode(200)
                .body("versions[0].rules.find { it.category == 'INSULT' }.matched", notNullValue())
                .body("versions[0].suggestedCategory", equalTo("INSULT"))
                .body("decision", equalTo("PENDING"));
    }

    @Test
    void everyMessageOfAnAPrioriCommunityIsHiddenUntilDecided() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_PRIORI);

        horizonClient().body(Communities.message(community, "c-" + UUID.randomUUID(), "Quelle belle émission ce matin"))
                .post("/messages")
                .then().statusCode(201).body("hidden", equalTo(true));
    }

    @Test
    void aCommunityCanBeNamedByPlatformAndPageId() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);

        horizonClient().body("""
                        {"platform":"FACEBOOK_PAGE","pageId":"page-%s","externalId":"x-1","text":"Bonjour"}""".formatted(community))
                .post("/messages")
                .then().statusCode(201);
    }
}

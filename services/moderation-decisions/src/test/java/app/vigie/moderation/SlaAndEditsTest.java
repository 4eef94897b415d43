package app.vigie.moderation;

import static app.vigie.moderation.ModerationFlowTest.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import app.vigie.contracts.community.Category;
import app.vigie.moderation.support.Fixtures;
import app.vigie.platform.testing.Broker;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SlaAndEditsTest {

    private final Broker broker = Fixtures.broker();

    @Inject
    AgroalDataSource db;

    @Test
    void theSlaViewCountsOverdueAndSoonDueCasesPerCommunity() throws Exception {
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon");
        // the community decides within 30 minutes: one message waits since two hours, one arrived now
        UUID late = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 40, null,
                Instant.now().minus(Duration.ofHours(2)), UUID.randomUUID(), 1);
        UUID fresh = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 40, null, Instant.now(),
                UUID.randomUUID(), 1);
        String entry = "find { it.communityId == '" + community + "' }";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("moderator.horizon")
                .queryParam("dueWithinMinutes", 60).get("/sla").then().statusCode(200)
                .body(entry + ".waiting", equalTo(2))
                .body(entry + ".overdue", equalTo(1))
                .body(entry + ".dueSoon", equalTo(1)));
        as("client-admin.horizon").get("/sla").then().statusCode(200)
                .body("communityId", hasItem(community.toString()));
        as("client-admin.lumen").get("/sla").then().statusCode(200)
                .body("communityId", not(hasItem(community.toString())));
        as("moderator.horizon").queryParam("dueWithinMinutes", "soon").get("/sla").then().statusCode(400)
                .body("errors[0].field", equalTo("query.dueWithinMinutes"));
        ModerationFlowTest.inQueue("moderator.horizon", community).then().body("[0].caseId", equalTo(late.toString()));
        as("moderator.horizon").get("/cases/" + fresh).then().statusCode(200);
    }

    @Test
    void anEditedMessageReopensItsDecidedCaseWithTheNewTriage() throws Exception {
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon");
        UUID message = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 10, null, Instant.now(),
                UUID.randomUUID(), 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("moderator.horizon").get("/cases/" + message)
                .then().statusCode(200));
        as("moderator.horizon").post("/cases/" + message + "/claim").then().statusCode(200);
        as("moderator.horizon").post("/cases/" + message + "/approve").then().statusCode(204);

        Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 92, Category.THREAT, Instant.now(), message, 2);
        Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 92, Category.THREAT, Instant.now(), message, 2);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("moderator.horizon").get("/cases/" + message)
                .then().body("queueRow.status", equalTo("OPEN")).body("queueRow.risk", equalTo(92))
                .body("queueRow.decision", equalTo(null))
                .body("history.findAll { it.type == 'CaseContentEdited' }.size()", equalTo(1))
                .body("versions.version", equalTo(java.util.List.of(1, 2)))
                .body("versions[1].text", equalTo("Texte du message")));
        as("moderator.horizon").post("/cases/" + message + "/claim").then().statusCode(200);
        as("moderator.horizon").body("""
                {"category":"THREAT","ground":"ILLEGAL_CONTENT","reference":"Code pénal, art. 222-17",
                 "explanation":"Menace ajoutée en modifiant le message","action":"REMOVED"}""")
                .post("/cases/" + message + "/reject").then().statusCode(204);
    }
}

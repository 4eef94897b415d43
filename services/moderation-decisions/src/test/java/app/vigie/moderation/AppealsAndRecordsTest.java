package app.vigie.moderation;

import static app.vigie.moderation.ModerationFlowTest.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.EventTypes;
import app.vigie.contracts.moderation.CaseDecided;
import app.vigie.contracts.moderation.CaseNeedsReply;
import app.vigie.moderation.support.Fixtures;
import app.vigie.platform.testing.Broker;
import app.vigie.platform.testing.Keycloak;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AppealsAndRecordsTest {

    private final Broker broker = Fixtures.broker();

    @Inject
    AgroalDataSource db;

    private static final String WARNED_REJECTION = """
            {"category":"INSULT","ground":"INCOMPATIBLE_WITH_TERMS","reference":"Charte, article 2",
             "explanation":"Insulte","action":"AUTHOR_WARNED"}""";

    private UUID decided(UUID community, String moderator, String decision) throws Exception {
        UUID caseId = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 70);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(moderator).get("/cases/" + caseId)
                .then().statusCode(200));
        as(moderator).post("/cases/" + caseId + "/claim").then().statusCode(200);
        if (decision.equals("approve")) {
            as(moderator).post("/cases/" + caseId + "/approve").then().statusCode(204);
        } else {
            as(moderator).body(WARNED_REJECTION).post("/cases/" + caseId + "/reject").then().statusCode(204);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(moderator).get("/cases/" + caseId)
                .then().body("queueRow.status", equalTo("DECIDED")));
        return caseId;
    }

    private static CaseDecided nextDecisionAbout(Broker.Listener listener, UUID caseId) throws InterruptedException {
        while (true) {
            EventEnvelope event = EventPayloads.deserialize(listener.next(Duration.ofSeconds(20)).body()
                    .getBytes(StandardCharsets.UTF_8));
            CaseDecided decided = EventPayloads.read(event, CaseDecided.class);
            if (decided.caseId().equals(caseId)) {
                return decided;
            }
        }
    }

    @Test
    void anAppealIsDecidedByAnotherModeratorAndAReversalIsPublished() throws Exception {
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon", "senior-moderator.horizon");
        Broker.Listener decisions = broker.listen(EventTypes.CASE_DECIDED);
        UUID caseId = decided(community, "moderator.horizon", "approve");
        assertThat(nextDecisionAbout(decisions, caseId).decision()).isEqualTo("APPROVED");

        given().auth().oauth2(Keycloak.clientToken("integration-maison-lumen")).contentType(ContentType.JSON)
                .body("{\"reason\":\"not theirs\"}").post("/cases/" + caseId + "/appeal").then().statusCode(404);
        given().auth().oauth2(Keycloak.clientToken("integration-radio-horizon")).contentType(ContentType.JSON)
                .body("{\"reason\":\"Ce commentaire insulte notre animatrice\"}").post("/cases/" + caseId + "/appeal")
                .then().statusCode(202);
        given().auth().oauth2(Keycloak.clientToken("integration-radio-horizon")).contentType(ContentType.JSON)
                .body("{\"reason\":\"encore\"}").post("/cases/" + caseId + "/appeal").then().statusCode(409);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> ModerationFlowTest.inQueue("senior-moderator.horizon", community)
                .then().body("caseId", hasItem(caseId.toString())));

        as("moderator.horizon").post("/cases/" + caseId + "/claim").then().statusCode(403)
                .contentType("application/problem+json");
        as("senior-moderator.horizon").post("/cases/" + caseId + "/claim").then().statusCode(200);
        as("senior-moderator.horizon").body("""
                {"outcome":"REVERSE","explanation":"Insulte visant l'animatrice"}""")
                .post("/cases/" + caseId + "/appeal-decision").then().statusCode(400)
                .body("errors[0].field", equalTo("body.rejection"));
        as("senior-moderator.horizon").body("""
                {"outcome":"REVERSE","explanation":"Insulte visant l'animatrice",
                 "rejection":{"category":"INSULT","ground":"INCOMPATIBLE_WITH_TERMS","reference":"Charte, article 2",
                              "explanation":"Insulte visant l'animatrice","action":"REMOVED"}}""")
                .post("/cases/" + caseId + "/appeal-decision").then().statusCode(204);

        CaseDecided reversed = nextDecisionAbout(decisions, caseId);
        assertThat(reversed.decision()).isEqualTo("REJECTED");
        assertThat(reversed.action()).isEqualTo("REMOVED");
        assertThat(reversed.decidedBy()).isEqualTo(Fixtures.subjectOf("senior-moderator.horizon"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("auditor.horizon").get("/cases/" + caseId)
                .then().body("history.type", hasItems("CaseApproved", "CaseAppealed", "AppealDecided"))
                .body("queueRow.decision", equalTo("REJECTED")).body("queueRow.appealOpen", equalTo(false)));
    }

    @Test
    void theCaseViewShowsTheAuthorsRecordInTheCommunity() throws Exception {
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon");
        decided(community, "moderator.horizon", "reject");
        UUID next = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 40);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("moderator.horizon").get("/cases/" + next)
                .then().statusCode(200)
                .body("authorRecord.authorId", equalTo("author-1"))
                .body("authorRecord.rejectionsLast90Days", equalTo(1))
                .body("authorRecord.warnings", equalTo(1))
                .body("authorRecord.bans", equalTo(0)));
    }

    @Test
    void aReplyRequestIsPublishedForCommunityManagement() throws Exception {
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon");
        Broker.Listener replies = broker.listen(EventTypes.CASE_NEEDS_REPLY);
        UUID caseId = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 20);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("moderator.horizon").get("/cases/" + caseId)
                .then().statusCode(200));
        as("moderator.horizon").body("{\"note\":\"Réclamation sur une facture, répondre avant 9h\"}")
                .post("/cases/" + caseId + "/reply-request").then().statusCode(202);
        CaseNeedsReply reply;
        do {
            reply = EventPayloads.read(EventPayloads.deserialize(replies.next(Duration.ofSeconds(20)).body()
                    .getBytes(StandardCharsets.UTF_8)), CaseNeedsReply.class);
        } while (!reply.caseId().equals(caseId));
        assertThat(reply.communityId()).isEqualTo(community);
        assertThat(reply.note()).contains("facture");
        assertThat(reply.language()).as("who answers must read the message's language").isEqualTo("fr");
    }
}

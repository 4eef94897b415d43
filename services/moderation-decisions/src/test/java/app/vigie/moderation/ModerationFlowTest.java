package app.vigie.moderation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.EventTypes;
import app.vigie.contracts.moderation.CaseDecided;
import app.vigie.moderation.support.Fixtures;
import app.vigie.platform.testing.Broker;
import app.vigie.platform.testing.Keycloak;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModerationFlowTest {

    private final Broker broker = Fixtures.broker();

    @Inject
    AgroalDataSource db;

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Keycloak.tokenFor(user)).contentType(ContentType.JSON);
    }

    /** Filtered on the community: other test classes' cases (and other suites' events) share the test broker. */
    static void awaitInQueue(String user, UUID community, UUID caseId) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> inQueue(user, community).then().statusCode(200)
                .body("caseId", hasItem(caseId.toString())));
    }

    static io.restassured.response.Response inQueue(String user, UUID community) {
        return as(user).queryParam("communityId", community.toString()).get("/queue");
    }

    /** A French message of radio-horizon in a community the moderator works on, once it is in their queue. */
    private UUID caseWaitingFor(String moderator, int risk) throws Exception {
        UUID community = Fixtures.community(db, "radio-horizon", moderator);
        UUID caseId = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", risk);
        awaitInQueue(moderator, community, caseId);
        return caseId;
    }

    @Test
    void aMessageBecomesACaseThatIsClaimedRejectedAndPublished() throws Exception {
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon");
        Broker.Listener decisions = broker.listen(EventTypes.CASE_DECIDED);
        UUID caseId = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 80);
        awaitInQueue("moderator.horizon", community, caseId);

        as("moderator.horizon").post("/cases/" + caseId + "/claim").then().statusCode(200)
                .body("claimant", equalTo(Fixtures.subjectOf("moderator.horizon")));
        as("moderator.horizon").body("""
                {"category":"INSULT","ground":"INCOMPATIBLE_WITH_TERMS","reference":"Charte, article 2",
                 "explanation":"Insulte envers un autre membre","action":"REMOVED"}""")
                .post("/cases/" + caseId + "/reject").then().statusCode(204);

        EventEnvelope event;
        do {
            event = EventPayloads.deserialize(decisions.next(Duration.ofSeconds(20)).body().getBytes(StandardCharsets.UTF_8));
        } while (!EventPayloads.read(event, CaseDecided.class).caseId().equals(caseId));
        CaseDecided decided = EventPayloads.read(event, CaseDecided.class);
        assertThat(decided.decision()).isEqualTo("REJECTED");
        assertThat(decided.messageId()).isEqualTo(caseId);
        assertThat(decided.ground()).isEqualTo("INCOMPATIBLE_WITH_TERMS");
        assertThat(decided.statementOfReasonsId()).startsWith("sor-");
        assertThat(event.tenant()).isEqualTo("radio-horizon");

        as("auditor.horizon").get("/cases/" + caseId).then().statusCode(200)
                .body("history.type", equalTo(List.of("CaseOpened", "CaseClaimed", "CaseRejected")))
                .body("queueRow.decision", equalTo("REJECTED"));
    }

    @Test
    void theSameMessageTwiceOpensOneCase() throws Exception {
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon");
        long deadLettersBefore = broker.depth("moderation-decisions.message-events.dlq");
        UUID caseId = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 10);
        awaitInQueue("moderator.horizon", community, caseId);
        // intake redelivers the same message (same id, new envelope)
        var payload = new app.vigie.contracts.message.MessageReceived(caseId, 1, community, "radio-horizon",
                app.vigie.contracts.community.Platform.FACEBOOK_PAGE,
                app.vigie.contracts.community.ModerationMode.A_POSTERIORI, 2, "ext-" + caseId, null, null, null, "x",
                List.of(), null, null, java.time.Instant.now(),
                new app.vigie.contracts.message.MessageReceived.Triage("fr", 10, null, List.of(), "fp"), false);
        Fixtures.publish(broker, caseId, "radio-horizon", payload);
        Fixtures.publish(broker, caseId, "radio-horizon", payload);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(
                () -> broker.depth("moderation-decisions.message-events") == 0);
        try (var connection = db.getConnection();
             var count = connection.prepareStatement(
                     "select count(*) from domain_event_entry where aggregate_identifier = ? and sequence_number = 0")) {
            count.setString(1, caseId.toString());
            var rows = count.executeQuery();
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
        assertThat(broker.depth("moderation-decisions.message-events.dlq")).isEqualTo(deadLettersBefore);
    }

    @Test
    void decidingWithoutTheClaimIsAConflictAndAnotherTenantSeesNothing() throws Exception {
        UUID caseId = caseWaitingFor("moderator.horizon", 60);

        as("moderator.horizon").post("/cases/" + caseId + "/approve").then().statusCode(409)
                .contentType("application/problem+json");
        as("moderator.lumen").get("/cases/" + caseId).then().statusCode(404);
        as("moderator.lumen").post("/cases/" + caseId + "/claim").then().statusCode(404);
        as("moderator.lumen").get("/queue").then().statusCode(200).body("caseId", not(hasItem(caseId.toString())));
        as("auditor.horizon").post("/cases/" + caseId + "/claim").then().statusCode(403);
        as("moderator.horizon").get("/cases/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aModeratorNotAssignedOrNotReadingTheLanguageCannotTakeTheCase() throws Exception {
        UUID assignedElsewhere = Fixtures.community(db, "radio-horizon", "senior-moderator.horizon");
        UUID caseId = Fixtures.messageReceived(broker, assignedElsewhere, "radio-horizon", "fr", 60);
        awaitInQueue("senior-moderator.horizon", assignedElsewhere, caseId);
        as("moderator.horizon").post("/cases/" + caseId + "/claim").then().statusCode(404);

        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon");
        UUID english = Fixtures.messageReceived(broker, community, "radio-horizon", "en", 60);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> inQueue("client-admin.horizon", community)
                .then().statusCode(200).body("caseId", hasItem(english.toString())));
        inQueue("moderator.horizon", community).then().body("caseId", not(hasItem(english.toString())));
        as("moderator.horizon").post("/cases/" + english + "/claim").then().statusCode(404);
    }

    @Test
    void badRejectionsNameTheField() throws Exception {
        UUID caseId = caseWaitingFor("moderator.horizon", 60);
        as("moderator.horizon").post("/cases/" + caseId + "/claim").then().statusCode(200);
        as("moderator.horizon").body("""
                {"category":"RUDE","ground":"INCOMPATIBLE_WITH_TERMS","reference":"x","explanation":"x","action":"REMOVED"}""")
                .post("/cases/" + caseId + "/reject").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body.category"));
        as("moderator.horizon").body("""
                {"category":"INSULT","ground":"INCOMPATIBLE_WITH_TERMS","reference":"x","action":"REMOVED"}""")
                .post("/cases/" + caseId + "/reject").then().statusCode(400)
                .body("errors[0].field", equalTo("body.explanation"));
        as("moderator.horizon").body("""
                {"category":"INSULT","ground":"INCOMPATIBLE_WITH_TERMS","reference":"x","explanation":"a\\u0000b",
                 "action":"REMOVED"}""")
                .post("/cases/" + caseId + "/reject").then().statusCode(400)
                .body("errors[0].field", equalTo("body.explanation"));
        as("moderator.horizon").queryParam("category", "RUDE").get("/queue").then().statusCode(400)
                .body("errors[0].field", equalTo("query.category"));
    }

    @Test
    void belowThePolicysThresholdAMessageIsApprovedAutomaticallyAndSaidSo() throws Exception {
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon");
        try (var connection = db.getConnection();
             var policy = connection.prepareStatement("update community_copy set auto_approve_below = 0.05 where id = ?")) {
            policy.setObject(1, community);
            policy.executeUpdate();
        }
        Broker.Listener decisions = broker.listen(EventTypes.CASE_DECIDED);
        UUID caseId = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 2);
        CaseDecided decided;
        do {
            decided = EventPayloads.read(EventPayloads.deserialize(decisions.next(Duration.ofSeconds(20)).body()
                    .getBytes(StandardCharsets.UTF_8)), CaseDecided.class);
        } while (!decided.caseId().equals(caseId));
        assertThat(decided.decision()).isEqualTo("APPROVED");
        assertThat(decided.automated()).isTrue();
        assertThat(decided.decidedBy()).isEqualTo("policy");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("auditor.horizon").get("/cases/" + caseId)
                .then().body("history.type", equalTo(List.of("CaseOpened", "CaseAutoApproved")))
                .body("queueRow.status", equalTo("DECIDED")));
        inQueue("moderator.horizon", community).then().body("caseId", not(hasItem(caseId.toString())));
    }

    @Test
    void anEscalatedCaseIsDecidedByASeniorModeratorOfTheCommunity() throws Exception {
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon", "senior-moderator.horizon");
        UUID elsewhere = Fixtures.community(db, "radio-horizon", "moderator.horizon");
        Broker.Listener escalations = broker.listen(EventTypes.CASE_ESCALATED);
        UUID caseId = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 88);
        awaitInQueue("moderator.horizon", community, caseId);
        as("moderator.horizon").post("/cases/" + caseId + "/claim").then().statusCode(200);
        as("moderator.horizon").body("{\"reason\":\"Menace possible, à confirmer\"}")
                .post("/cases/" + caseId + "/escalate").then().statusCode(204);
        String escalated;
        do {
            escalated = escalations.next(Duration.ofSeconds(20)).body();
        } while (!escalated.contains(caseId.toString()));
        assertThat(escalated).contains("Menace possible");

        as("moderator.horizon").post("/cases/" + caseId + "/claim").then().statusCode(403)
                .contentType("application/problem+json");
        as("senior-moderator.horizon").post("/cases/" + caseId + "/claim").then().statusCode(200);
        as("senior-moderator.horizon").body("""
                {"category":"THREAT","ground":"ILLEGAL_CONTENT","reference":"Code pénal, art. 222-17",
                 "explanation":"Menace de violence","action":"REMOVED"}""")
                .post("/cases/" + caseId + "/reject").then().statusCode(204);
        // a senior moderator elsewhere is a moderator here: not assigned at all to this other community
        UUID other = Fixtures.messageReceived(broker, elsewhere, "radio-horizon", "fr", 88);
        awaitInQueue("moderator.horizon", elsewhere, other);
        as("senior-moderator.horizon").post("/cases/" + other + "/claim").then().statusCode(404);
    }
}

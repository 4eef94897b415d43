package app.vigie.moderation;

import static app.vigie.moderation.ModerationFlowTest.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import app.vigie.contracts.community.Category;
import app.vigie.moderation.support.Fixtures;
import app.vigie.platform.testing.Broker;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WellbeingTest {

    private final Broker broker = Fixtures.broker();

    @Inject
    AgroalDataSource db;

    @Test
    void pastTheTeamsCapClaimNextGivesNoMoreDistressingContentAndSaysABreakIsDue() throws Exception {
        UUID team = UUID.randomUUID();
        UUID community = Fixtures.community(db, "maison-lumen", team, "moderator.lumen");
        as("moderator.lumen").body("{\"cap\":1}").put("/wellbeing/caps/" + team).then().statusCode(403);
        as("senior-moderator.lumen").body("{\"cap\":1000}").put("/wellbeing/caps/" + team).then().statusCode(403);
        as("staff.admin").body("{\"cap\":-1}").put("/wellbeing/caps/" + team).then().statusCode(400)
                .body("errors[0].field", equalTo("body.cap"));
        as("staff.admin").body("{\"cap\":1}").put("/wellbeing/caps/" + team).then().statusCode(200);

        UUID threat = Fixtures.messageReceived(broker, community, "maison-lumen", "fr", 95, Category.THREAT);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("moderator.lumen")
                .queryParam("communityId", community.toString()).get("/queue").then()
                .body("caseId", hasItem(threat.toString())));
        as("moderator.lumen").queryParam("communityId", community.toString()).post("/queue/claim-next")
                .then().statusCode(200).header("Vigie-Break-Due", "false").body("caseId", equalTo(threat.toString()));
        as("moderator.lumen").body("""
                {"category":"THREAT","ground":"ILLEGAL_CONTENT","reference":"Code pénal, art. 222-17",
                 "explanation":"Menace de mort","action":"AUTHOR_BANNED"}""")
                .post("/cases/" + threat + "/reject").then().statusCode(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("moderator.lumen").get("/wellbeing/me")
                .then().body("exposures", equalTo(1)).body("cap", equalTo(1)).body("breakDue", equalTo(true)));

        // the distressing case arrives first and would come first; past the cap, the other one is given instead
        UUID violent = Fixtures.messageReceived(broker, community, "maison-lumen", "fr", 90, Category.VIOLENCE);
        UUID spam = Fixtures.messageReceived(broker, community, "maison-lumen", "fr", 30, Category.SPAM);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("moderator.lumen")
                .queryParam("communityId", community.toString()).get("/queue").then()
                .body("caseId", hasItems(violent.toString(), spam.toString())));
        as("moderator.lumen").queryParam("communityId", community.toString()).post("/queue/claim-next")
                .then().statusCode(200).header("Vigie-Break-Due", "true").body("caseId", equalTo(spam.toString()));
        as("moderator.lumen").queryParam("communityId", community.toString()).post("/queue/claim-next")
                .then().statusCode(204).header("Vigie-Break-Due", "true");

        String moderator = Fixtures.subjectOf("moderator.lumen");
        as("client-admin.lumen").get("/wellbeing/exposure").then().statusCode(200)
                .body("find { it.moderator == '" + moderator + "' }.threat", equalTo(1));
        as("client-admin.horizon").get("/wellbeing/exposure").then().statusCode(200)
                .body("moderator", org.hamcrest.Matchers.not(hasItem(moderator)));
    }
}

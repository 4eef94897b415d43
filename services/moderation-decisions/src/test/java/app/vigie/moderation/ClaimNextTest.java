package app.vigie.moderation;

import static app.vigie.moderation.ModerationFlowTest.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

import app.vigie.moderation.application.LeaseSweeper;
import app.vigie.moderation.support.Fixtures;
import app.vigie.platform.testing.Broker;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClaimNextTest {

    @Inject
    AgroalDataSource db;
    @Inject
    LeaseSweeper sweeper;

    @Test
    void moderatorsRacingForTheNextCaseNeverGetTheSameOne() throws Exception {
        UUID community = Fixtures.community(db, "maison-lumen", "moderator.lumen", "senior-moderator.lumen");
        List<String> ids = new ArrayList<>();
        try (Broker broker = Broker.connect()) {
            for (int i = 0; i < 6; i++) {
                ids.add(Fixtures.messageReceived(broker, community, "maison-lumen", "fr", 10 * i).toString());
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> ModerationFlowTest.inQueue("moderator.lumen", community)
                .then().statusCode(200).body("caseId", hasItems(ids.toArray(String[]::new))));

        var pool = Executors.newFixedThreadPool(6);
        List<CompletableFuture<Response>> claims = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String user = i % 2 == 0 ? "moderator.lumen" : "senior-moderator.lumen";
            claims.add(CompletableFuture.supplyAsync(
                    () -> as(user).queryParam("communityId", community.toString()).post("/queue/claim-next"), pool));
        }
        Set<String> claimed = new HashSet<>();
        int got = 0;
        for (var claim : claims) {
            Response response = claim.get();
            assertThat(response.statusCode()).isIn(200, 204);
            if (response.statusCode() == 200) {
                got++;
                claimed.add(response.path("caseId"));
            }
        }
        pool.shutdown();
        assertThat(claimed).hasSize(got);
        assertThat(got).isEqualTo(6);
        assertThat(claimed).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aLapsedClaimGoesBackToTheQueue() throws Exception {
        UUID community = Fixtures.community(db, "maison-lumen", "moderator.lumen");
        UUID caseId;
        try (Broker broker = Broker.connect()) {
            caseId = Fixtures.messageReceived(broker, community, "maison-lumen", "fr", 99);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("moderator.lumen").get("/cases/" + caseId)
                .then().statusCode(200));
        as("moderator.lumen").post("/cases/" + caseId + "/claim").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("moderator.lumen").get("/cases/" + caseId)
                .then().body("queueRow.status", org.hamcrest.Matchers.equalTo("CLAIMED")));

        sweeper.sweep(Instant.now().plus(Duration.ofMinutes(6)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("moderator.lumen").get("/cases/" + caseId)
                .then().statusCode(200).body("queueRow.status", org.hamcrest.Matchers.equalTo("OPEN"))
                .body("history.type", org.hamcrest.Matchers.hasItem("CaseLeaseExpired")));
    }
}

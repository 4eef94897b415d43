package app.vigie.moderation;

import static app.vigie.moderation.ModerationFlowTest.as;
import static app.vigie.moderation.ModerationFlowTest.awaitInQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import app.vigie.contracts.community.Category;
import app.vigie.moderation.support.Fixtures;
import app.vigie.platform.testing.Broker;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A projection rebuilt from the events comes back identical, row for row. */
@QuarkusTest
class ProjectionRebuildTest {

    private final Broker broker = Fixtures.broker();

    @Inject
    AgroalDataSource db;

    @Test
    void theQueueAndTheDecisionLogComeBackIdentical() throws Exception {
        // some history: an approval, a rejection for hate (an exposure), a claimed case, a waiting one, an appeal
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon", "senior-moderator.horizon");
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cases.add(Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 20 + 20 * i,
                    i == 1 ? Category.HATE : null));
        }
        cases.forEach(id -> awaitInQueue("moderator.horizon", community, id));
        as("moderator.horizon").post("/cases/" + cases.get(0) + "/claim").then().statusCode(200);
        as("moderator.horizon").post("/cases/" + cases.get(0) + "/approve").then().statusCode(204);
        as("moderator.horizon").post("/cases/" + cases.get(1) + "/claim").then().statusCode(200);
        as("moderator.horizon").body("""
                {"category":"HATE","ground":"ILLEGAL_CONTENT","reference":"Loi du 29 juillet 1881, art. 24",
                 "explanation":"Provocation à la haine","action":"REMOVED"}""")
                .post("/cases/" + cases.get(1) + "/reject").then().statusCode(204);
        as("moderator.horizon").post("/cases/" + cases.get(2) + "/claim").then().statusCode(200);
        as("client-admin.horizon").body("{\"reason\":\"The author disputes the removal\"}")
                .post("/cases/" + cases.get(1) + "/appeal").then().statusCode(202);

        for (String projection : List.of("case-queue", "audit-log")) {
            awaitCaughtUp(projection);
            List<String> before = snapshot(projection);
            assertThat(before).isNotEmpty();

            as("staff.admin").post("/admin/projections/" + projection + "/rebuild").then().statusCode(202)
                    .body("projection", equalTo(projection));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("staff.admin")
                    .get("/admin/projections/" + projection).then().statusCode(200)
                    .body("replaying", equalTo(false)).body("done", equalTo(1.0f)));
            awaitCaughtUp(projection);
            assertThat(snapshot(projection)).as(projection + " after its rebuild").isEqualTo(before);
        }
    }

    @Test
    void onlyPlatformAdminsRebuildAndNeverThePublisher() {
        as("moderator.horizon").post("/admin/projections/case-queue/rebuild").then().statusCode(403);
        as("auditor.horizon").get("/admin/projections").then().statusCode(403);
        as("staff.admin").post("/admin/projections/integration-events/rebuild").then().statusCode(409)
                .contentType("application/problem+json");
        as("staff.admin").post("/admin/projections/nothing/rebuild").then().statusCode(404);
        JsonPath all = as("staff.admin").get("/admin/projections").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("projection")).containsExactly("case-queue", "integration-events", "audit-log");
        assertThat(all.getList("rebuildable", Boolean.class)).containsExactly(true, false, true);
    }

    private static void awaitCaughtUp(String projection) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath p = as("staff.admin").get("/admin/projections/" + projection).then().extract().jsonPath();
            return p.getLong("position") >= p.getLong("head");
        });
    }

    /** Every row of what the projection keeps, in a stable order. */
    private List<String> snapshot(String projection) throws SQLException {
        List<String> queries = projection.equals("case-queue")
                ? List.of("select row_to_json(q)::text from case_queue q order by case_id",
                        "select row_to_json(x)::text from exposure x order by moderator, case_id")
                : List.of("select row_to_json(d)::text from decision_log d order by event_id");
        List<String> rows = new ArrayList<>();
        try (var connection = db.getConnection(); var statement = connection.createStatement()) {
            for (String query : queries) {
                try (var r = statement.executeQuery(query)) {
                    while (r.next()) {
                        rows.add(r.getString(1));
                    }
                }
            }
        }
        return rows;
    }
}

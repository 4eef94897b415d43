package app.vigie.moderation;

import static app.vigie.moderation.ModerationFlowTest.as;
import static app.vigie.moderation.ModerationFlowTest.awaitInQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.community.Category;
import app.vigie.moderation.support.Fixtures;
import app.vigie.moderation.transparency.TransparencyDatabaseRules;
import app.vigie.platform.testing.Broker;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Statements of reasons and transparency figures, from real decisions. */
@QuarkusTest
class TransparencyTest {

    private final Broker broker = Fixtures.broker();

    @Inject
    AgroalDataSource db;

    @Test
    void restrictiveDecisionsGetStatementsTheDatabaseAcceptsAndTheReportCountsThem() throws Exception {
        Instant from = Instant.now();
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon");
        UUID hateful = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 90, Category.HATE);
        UUID fine = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 10, null);
        awaitInQueue("moderator.horizon", community, hateful);
        awaitInQueue("moderator.horizon", community, fine);
        as("moderator.horizon").post("/cases/" + hateful + "/claim").then().statusCode(200);
        as("moderator.horizon").body("""
                {"category":"HATE","ground":"ILLEGAL_CONTENT","reference":"Loi du 29 juillet 1881, art. 24",
                 "explanation":"Provocation à la haine envers un groupe","action":"REMOVED"}""")
                .post("/cases/" + hateful + "/reject").then().statusCode(204);
        as("moderator.horizon").post("/cases/" + fine + "/claim").then().statusCode(200);
        as("moderator.horizon").post("/cases/" + fine + "/approve").then().statusCode(204);
        String rejectionEvent = as("auditor.horizon").get("/audit/cases/" + hateful + "/history").then().extract()
                .jsonPath().getString("find { it.type == 'CaseRejected' }.eventId");
        String to = Instant.now().plusSeconds(5).toString();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(statements("auditor.horizon", from, to))
                .extracting(s -> s.get("puid").asText()).contains("sor-" + rejectionEvent));
        List<JsonNode> all = statements("auditor.horizon", from, to);
        JsonNode statement = all.stream().filter(s -> s.get("puid").asText().equals("sor-" + rejectionEvent))
                .findFirst().orElseThrow();
        assertThat(all).allSatisfy(s -> assertThat(TransparencyDatabaseRules.violations(s)).isEmpty());
        assertThat(statement.get("decision_ground").asText()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
        assertThat(statement.get("illegal_content_explanation").asText()).isEqualTo("Provocation à la haine envers un groupe");
        assertThat(statement.get("category_specification").get(0).asText()).isEqualTo("KEYWORD_HATE_SPEECH");
        assertThat(statement.get("content_language").asText()).isEqualTo("FR");
        // the approval restricts nothing: no statement
        String approvalEvent = as("auditor.horizon").get("/audit/cases/" + fine + "/history").then().extract()
                .jsonPath().getString("find { it.type == 'CaseApproved' }.eventId");
        assertThat(approvalEvent).isNotNull();
        assertThat(all).extracting(s -> s.get("puid").asText()).doesNotContain("sor-" + approvalEvent);

        String lines = as("auditor.horizon").accept("application/x-ndjson").queryParam("from", from.toString())
                .queryParam("to", to).get("/transparency/statements").then().statusCode(200)
                .contentType("application/x-ndjson").extract().asString();
        assertThat(lines.lines().count()).isEqualTo(all.size());

        assertThat(statements("client-admin.lumen", from, to)).extracting(s -> s.get("puid").asText())
                .doesNotContain("sor-" + rejectionEvent);
        as("moderator.horizon").queryParam("from", from.toString()).get("/transparency/statements").then().statusCode(403);
        as("auditor.horizon").get("/transparency/statements").then().statusCode(400)
                .body("errors[0].field", equalTo("query.from"));
        as("client-admin.lumen").queryParam("from", from.toString()).queryParam("tenant", "radio-horizon")
                .get("/transparency/statements").then().statusCode(404);

        JsonPath report = as("client-admin.horizon").queryParam("from", from.toString()).queryParam("to", to)
                .get("/transparency/report").then().statusCode(200).extract().jsonPath();
        String mine = "communities.find { it.communityId == '" + community + "' }";
        assertThat(report.getInt(mine + ".decisions")).isEqualTo(2);
        assertThat(report.getInt(mine + ".approved")).isEqualTo(1);
        assertThat(report.getInt(mine + ".rejected")).isEqualTo(1);
        assertThat(report.getInt(mine + ".human")).isEqualTo(2);
        assertThat(report.getInt(mine + ".byCategory.HATE")).isEqualTo(1);
        assertThat(report.getInt(mine + ".byGround.ILLEGAL_CONTENT")).isEqualTo(1);
        assertThat(report.getInt(mine + ".byAction.REMOVED")).isEqualTo(1);
        assertThat(report.getDouble(mine + ".medianSecondsToDecision")).isPositive();
        assertThat(report.getInt("total.decisions")).isGreaterThanOrEqualTo(2);
        assertThat(report.getString("tenant")).isEqualTo("radio-horizon");

        String csv = as("client-admin.horizon").accept("text/csv").queryParam("from", from.toString())
                .queryParam("to", to).get("/transparency/report").then().statusCode(200).extract().asString();
        assertThat(csv).startsWith("community_id,measure,key,value\n").contains(community + ",category,HATE,1\n")
                .contains(community + ",decisions,,2\n");
        JsonPath other = as("client-admin.lumen").queryParam("from", from.toString()).queryParam("to", to)
                .get("/transparency/report").then().statusCode(200).extract().jsonPath();
        assertThat(other.getList("communities.communityId")).doesNotContain(community.toString());
    }

    private static List<JsonNode> statements(String user, Instant from, String to) throws Exception {
        String body = as(user).queryParam("from", from.toString()).queryParam("to", to).get("/transparency/statements")
                .then().statusCode(200).contentType("application/json").extract().asString();
        List<JsonNode> list = new ArrayList<>();
        EventPayloads.mapper().readTree(body).forEach(list::add);
        return list;
    }
}

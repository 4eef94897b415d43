package app.vigie.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import app.vigie.contracts.EventPayloads;
import app.vigie.platform.signing.Signatures;
import app.vigie.platform.testing.Keycloak;
import app.vigie.scheduling.support.Communities;
import app.vigie.scheduling.support.Db;
import app.vigie.scheduling.support.PublishingEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Due posts handed to the client's publishing endpoint: signed, published on a 2xx, failed after the last attempt. */
@QuarkusTest
class PublishingTest {

    @Inject
    AgroalDataSource db;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Keycloak.tokenFor(user)).contentType(ContentType.JSON);
    }

    /** A post of {@code community} approved and scheduled for the day after tomorrow, then made due now. */
    private String duePost(UUID community) throws Exception {
        String planned = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(2).atTime(18, 0).toString();
        String id = as("community-manager.horizon").body(Map.of("communityId", community, "text", "Le grand débat, ce soir",
                "media", List.of("https://cdn.radio-horizon.example/debat.jpg"), "plannedAt", planned))
                .post("/posts").then().statusCode(201).extract().path("id");
        as("community-manager.horizon").post("/posts/" + id + "/submit").then().statusCode(200);
        as("client-admin.horizon").post("/posts/" + id + "/approve").then().statusCode(200);
        as("community-manager.horizon").post("/posts/" + id + "/schedule").then().statusCode(200);
        Db.update(db, "update post set planned_at = now() - interval '1 second' where id = ?::uuid", id);
        return id;
    }

    @Test
    void theClientReceivesASignedPostAndItsAnswerPublishesIt() throws Exception {
        try (PublishingEndpoint client = new PublishingEndpoint(201,
                "{\"externalId\":\"fb-post-77\",\"permalink\":\"https://facebook.example/radio-horizon/posts/77\"}")) {
            UUID community = Communities.publishingTo(db, "radio-horizon", client.url(),
                    Communities.manager("community-manager.horizon", "fr"));
            String id = duePost(community);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("client-admin.horizon").get("/posts/" + id)
                    .then().body("state", equalTo("PUBLISHED")));
            JsonPath post = as("client-admin.horizon").get("/posts/" + id).then().extract().jsonPath();
            assertThat(post.getString("externalId")).isEqualTo("fb-post-77");
            assertThat(post.getString("permalink")).isEqualTo("https://facebook.example/radio-horizon/posts/77");
            assertThat(post.getInt("attempts")).isEqualTo(1);
            assertThat(post.getList("history.action", String.class)).endsWith("DUE", "PUBLISHED");

            assertThat(client.calls()).hasSize(1);
            PublishingEndpoint.Call call = client.calls().getFirst();
            assertThat(call.header("X-Vigie-Event")).isEqualTo("post.due");
            assertThat(call.header("X-Vigie-Signature")).isEqualTo("sha256=" + Signatures.hmacSha256Hex(
                    "scheduling-test-signing-secret", (call.header("X-Vigie-Timestamp") + "." + call.body())
                            .getBytes(StandardCharsets.UTF_8)));
            JsonNode body = EventPayloads.mapper().readTree(call.body());
            assertThat(body.path("postId").asText()).isEqualTo(id);
            assertThat(body.path("text").asText()).isEqualTo("Le grand débat, ce soir");
            assertThat(body.path("approvedBy").asText()).isEqualTo(Communities.subject("client-admin.horizon"));
        }
    }

    @Test
    void aPostTheClientKeepsRefusingFailsAfterTheLastAttemptWithTheReason() throws Exception {
        try (PublishingEndpoint client = new PublishingEndpoint(503, "")) {
            UUID community = Communities.publishingTo(db, "radio-horizon", client.url(),
                    Communities.manager("community-manager.horizon", "fr"));
            String id = duePost(community);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("community-manager.horizon").get("/posts/" + id)
                    .then().body("state", equalTo("FAILED")));
            JsonPath post = as("community-manager.horizon").get("/posts/" + id).then().extract().jsonPath();
            assertThat(post.getInt("attempts")).isEqualTo(3);
            assertThat(post.getString("failure")).contains("503");
            assertThat(post.getString("history[-1].action")).isEqualTo("FAILED");
            assertThat(post.getString("history[-1].comment")).contains("after 3 attempts");
            assertThat(client.calls()).hasSize(3);
            as("community-manager.horizon").queryParam("state", "FAILED").queryParam("communityId", community)
                    .get("/posts").then().statusCode(200).body("id", org.hamcrest.Matchers.contains(id));
            as("client-admin.lumen").queryParam("state", "FAILED").get("/posts").then().statusCode(200)
                    .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
            as("community-manager.horizon").queryParam("state", "BROKEN").get("/posts").then().statusCode(400)
                    .body("errors[0].field", equalTo("query.state"));
            // every attempt carries the same delivery id: the client can tell a retry from a new post
            assertThat(client.calls()).extracting(c -> c.header("X-Vigie-Delivery")).containsOnly(id);
        }
    }
}

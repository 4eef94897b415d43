package app.vigie.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import app.vigie.contracts.community.ModerationMode;
import app.vigie.intake.support.Communities;
import app.vigie.platform.testing.Keycloak;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchAndValidationTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aMixedBatchStoresTheValidItemsAndExplainsEachRefusal() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);
        String first = "b-" + UUID.randomUUID();
        String batch = """
                {"messages":[
                  %s,
                  {"communityId":"%s","externalId":"no-text"},
                  {"communityId":"%s","externalId":"bad-media","text":"x","media":[{"type":"AUDIO","url":"https://x"}]},
                  {"communityId":"%s","externalId":"nowhere","text":"hello"},
                  %s,
                  {"platform":"MYSPACE","pageId":"p","externalId":"bad-platform","text":"x"},
                  %s,
                  "not an object"
                ]}""".formatted(Communities.message(community, first, "Premier message"), community, community,
                UUID.randomUUID(), Communities.message(community, "b-" + UUID.randomUUID(), "Second message"),
                Communities.message(community, first, "Premier message, rejoué dans le même lot"));

        Response response = IngestTest.horizonClient().body(batch).post("/messages/batch");

        response.then().statusCode(200)
                .body("created", equalTo(2)).body("duplicates", equalTo(1)).body("invalid", equalTo(5))
                .body("results[0].status", equalTo("created"))
                .body("results[1].problem.errors[0].field", equalTo("body.messages[1].text"))
                .body("results[2].problem.errors.field", hasItem("body.messages[2].media[0].type"))
                .body("results[3].problem.errors[0].field", equalTo("body.messages[3].communityId"))
                .body("results[4].status", equalTo("created"))
                .body("results[5].problem.errors[0].field", equalTo("body.messages[5].platform"))
                .body("results[6].status", equalTo("duplicate"))
                .body("results[7].problem.errors[0].field", equalTo("body.messages[7]"));
        assertThat((String) response.path("results[6].id")).isEqualTo(response.path("results[0].id"));
    }

    @Test
    void aBatchOverOneThousandIs413() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add("{\"externalId\":\"" + i + "\",\"text\":\"x\"}");
        }
        IngestTest.horizonClient().body("{\"messages\":[" + String.join(",", items) + "]}").post("/messages/batch")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://vigie.app/problems/too-large"));
    }

    @Test
    void textOverSixtyFourKibibytesIsRefusedNamingTheField() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);
        IngestTest.horizonClient().body(Communities.message(community, "big", "é".repeat(33_000)))
                .post("/messages")
                .then().statusCode(400).body("errors[0].field", equalTo("body.text"));
    }

    @Test
    void badSingleSubmissionsAreProblemsNamingTheField() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);
        IngestTest.horizonClient().body("{\"communityId\": ").post("/messages")
                .then().statusCode(400).body("type", equalTo("https://vigie.app/problems/malformed-json"));
        IngestTest.horizonClient().body("{\"communityId\":\"" + community + "\",\"text\":\"x\"}").post("/messages")
                .then().statusCode(400).body("errors[0].field", equalTo("body.externalId"));
        IngestTest.horizonClient().body(Communities.message(UUID.randomUUID(), "x", "hello")).post("/messages")
                .then().statusCode(400).body("errors[0].field", equalTo("body.communityId"));
        IngestTest.horizonClient().body("{\"communityId\":\"not-a-uuid\",\"externalId\":\"x\",\"text\":\"x\"}")
                .post("/messages").then().statusCode(400).body("errors[0].field", equalTo("body.communityId"));
    }

    @Test
    void aNulCharacterIsRefusedNamingItsFieldNotAServerError() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);
        IngestTest.horizonClient()
                .body("{\"communityId\":\"" + community + "\",\"externalId\":\"nul\",\"text\":\"a\\u0000b\","
                        + "\"author\":{\"id\":\"1\",\"name\":\"x\\u0000\"}}")
                .post("/messages")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("body.text")).body("errors.field", hasItem("body.author.name"));
    }

    @Test
    void malformedQueryParametersAreBadRequestsNamingTheParameter() {
        IngestTest.horizonClient().queryParam("communityId", "not-a-uuid").get("/messages")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("query.communityId"));
        IngestTest.horizonClient().queryParam("limit", "ten").get("/messages")
                .then().statusCode(400).body("errors[0].field", equalTo("query.limit"));
    }

    /**
     * Full batches arriving together are each stored whole. (A batch used to run as a chain of a few thousand
     * nested steps, which overflowed the stack of a cold JVM and left the request hanging.)
     */
    @Test
    void concurrentFullBatchesAreEachStoredWhole() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);
        List<java.util.concurrent.CompletableFuture<Response>> posts = new ArrayList<>();
        // Our own threads: blocking the common fork-join pool would also starve the service, which shares this JVM.
        var clients = java.util.concurrent.Executors.newFixedThreadPool(3);
        for (int b = 0; b < 3; b++) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                items.add(Communities.message(community, "full-" + b + "-" + i, "Message " + i + " du lot " + b));
            }
            String body = "{\"messages\":[" + String.join(",", items) + "]}";
            posts.add(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> IngestTest.horizonClient().body(body).post("/messages/batch"), clients));
        }
        clients.shutdown();
        for (var post : posts) {
            post.get(120, java.util.concurrent.TimeUnit.SECONDS).then().statusCode(200).body("created", equalTo(1000));
        }
        try (var connection = db.getConnection();
             var count = connection.prepareStatement("select count(*) from message where community_id = ?")) {
            count.setObject(1, community);
            var rows = count.executeQuery();
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(3000);
        }
    }

    /**
     * Single submissions arriving together are stored in one transaction, yet each keeps its own sender's rights:
     * a client posting into another company's community is refused, the others' messages are stored.
     */
    @Test
    void singleSubmissionsStoredTogetherKeepEachSendersRights() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.CompletableFuture<Response>> horizon = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<Response>> lumen = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String ownMessage = Communities.message(community, "together-h-" + i, "Bonjour " + i);
            String intrusion = Communities.message(community, "together-l-" + i, "Intrusion " + i);
            horizon.add(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> IngestTest.horizonClient().body(ownMessage).post("/messages"), pool));
            lumen.add(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> given().auth().oauth2(Keycloak.clientToken("integration-maison-lumen"))
                            .contentType(ContentType.JSON).body(intrusion).post("/messages"), pool));
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (var post : horizon) {
            Response response = post.get(60, java.util.concurrent.TimeUnit.SECONDS);
            response.then().statusCode(201);
            ids.add(response.path("id"));
        }
        for (var post : lumen) {
            post.get(60, java.util.concurrent.TimeUnit.SECONDS).then().statusCode(400)
                    .body("errors[0].field", equalTo("body.communityId"));
        }
        pool.shutdown();
        assertThat(ids).hasSize(12);
        try (var connection = db.getConnection();
             var count = connection.prepareStatement("select count(*) from message where community_id = ?")) {
            count.setObject(1, community);
            var rows = count.executeQuery();
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(12);
        }
    }

    @Test
    void onlyIntegrationClientsPlatformAdminsAndServicesSubmit() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);
        given().contentType(ContentType.JSON).body(Communities.message(community, "x", "hello")).post("/messages")
                .then().statusCode(401);
        given().auth().oauth2(Keycloak.tokenFor("moderator.horizon")).contentType(ContentType.JSON)
                .body(Communities.message(community, "x", "hello")).post("/messages")
                .then().statusCode(403);
    }
}

package app.vigie.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import app.vigie.contracts.community.ModerationMode;
import app.vigie.intake.support.Communities;
import app.vigie.platform.testing.Keycloak;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadAndIsolationTest {

    @Inject
    AgroalDataSource db;

    private static String subjectOf(String user) {
        return Keycloak.claims(Keycloak.tokenFor(user)).get("sub").asText();
    }

    @Test
    void anotherTenantNeitherReadsNorPostsIntoACommunity() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);
        String id = IngestTest.horizonClient().body(Communities.message(community, "r-1", "Bonjour"))
                .post("/messages").then().statusCode(201).extract().path("id");

        given().auth().oauth2(Keycloak.clientToken("integration-maison-lumen")).get("/messages/" + id)
                .then().statusCode(404);
        given().auth().oauth2(Keycloak.tokenFor("auditor.lumen")).get("/messages/" + id).then().statusCode(404);
        given().auth().oauth2(Keycloak.tokenFor("auditor.lumen")).queryParam("communityId", community.toString())
                .get("/messages").then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(Keycloak.clientToken("integration-maison-lumen")).contentType(ContentType.JSON)
                .body(Communities.message(community, "r-2", "intrusion")).post("/messages")
                .then().statusCode(400).body("errors[0].field", equalTo("body.communityId"));
        given().auth().oauth2(Keycloak.tokenFor("auditor.horizon")).get("/messages/" + id).then().statusCode(200);
        given().auth().oauth2(Keycloak.tokenFor("staff.auditor")).get("/messages/" + id).then().statusCode(200);
    }

    @Test
    void moderatorsReadOnlyTheCommunitiesTheyAreAssignedTo() throws Exception {
        UUID assigned = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI, subjectOf("moderator.horizon"));
        UUID other = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);
        String visible = IngestTest.horizonClient().body(Communities.message(assigned, "m-1", "Bonjour"))
                .post("/messages").then().statusCode(201).extract().path("id");
        String hidden = IngestTest.horizonClient().body(Communities.message(other, "m-2", "Bonjour"))
                .post("/messages").then().statusCode(201).extract().path("id");

        given().auth().oauth2(Keycloak.tokenFor("moderator.horizon")).get("/messages/" + visible).then().statusCode(200);
        given().auth().oauth2(Keycloak.tokenFor("moderator.horizon")).get("/messages/" + hidden).then().statusCode(404);
        given().auth().oauth2(Keycloak.tokenFor("moderator.horizon")).get("/messages")
                .then().statusCode(200).body("items.id", hasItem(visible)).body("items.id", not(hasItem(hidden)));
    }

    @Test
    void searchFiltersPagesAndRefusesBadParameters() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);
        for (int i = 0; i < 3; i++) {
            IngestTest.horizonClient().body(Communities.message(community, "s-" + i, "message " + i)).post("/messages")
                    .then().statusCode(201);
        }
        var first = given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon"))
                .queryParam("communityId", community.toString()).queryParam("limit", 2).get("/messages");
        first.then().statusCode(200).body("items.size()", equalTo(2)).body("items.communityId", everyItem(equalTo(community.toString())));
        given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon"))
                .queryParam("communityId", community.toString()).queryParam("cursor", (String) first.path("next"))
                .get("/messages").then().statusCode(200).body("items.size()", equalTo(1)).body("next", equalTo(null));

        given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon")).queryParam("from", "yesterday").get("/messages")
                .then().statusCode(400).body("errors[0].field", equalTo("query.from"));
        given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon")).queryParam("status", "LOST").get("/messages")
                .then().statusCode(400).body("errors[0].field", equalTo("query.status"));
    }

    @Test
    void anOlderCommunitySnapshotNeverRollsTheCopyBack() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);
        Communities.publish("community.updated", Communities.snapshot(community, 5, "radio-horizon", ModerationMode.A_PRIORI,
                java.util.List.of()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> Communities.revision(db, community) == 5);

        Communities.publish("community.updated", Communities.snapshot(community, 3, "radio-horizon",
                ModerationMode.A_POSTERIORI, java.util.List.of()));
        Thread.sleep(1_500);

        IngestTest.horizonClient().body(Communities.message(community, "rev", "Bonjour")).post("/messages")
                .then().statusCode(201).body("hidden", equalTo(true));
        org.assertj.core.api.Assertions.assertThat(Communities.revision(db, community)).isEqualTo(5);
    }
}

package app.vigie.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import app.vigie.contracts.community.ModerationMode;
import app.vigie.platform.signing.Signatures;
import app.vigie.intake.support.Communities;
import app.vigie.platform.testing.Keycloak;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhooksTest {

    private static final String APP_SECRET = "test-facebook-app-secret";
    private static final String SITE_SECRET = "test-site-secret";

    @Inject
    AgroalDataSource db;

    private static String feed(String pageId, String verb, String commentId, String message) {
        return """
                {"object":"page","entry":[{"id":"%s","time":1764108000,"changes":[{"field":"feed","value":{
                  "item":"comment","verb":"%s","comment_id":"%s","post_id":"%s_1","parent_id":"%s_1",
                  "message":%s,"from":{"id":"fb-user-7","name":"Claire M."},"created_time":1764108000}}]}]}"""
                .formatted(pageId, verb, commentId, pageId, pageId, "\"" + message + "\"");
    }

    private static Response postFacebook(UUID community, String body, String signature) {
        var request = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return request.post("/webhooks/facebook/" + community);
    }

    private static String sign(String body) {
        return "sha256=" + Signatures.hmacSha256Hex(APP_SECRET, body.getBytes(StandardCharsets.UTF_8));
    }

    private static int messages(AgroalDataSource db, UUID community) throws Exception {
        try (var c = db.getConnection(); var s = c.prepareStatement("select count(*) from message where community_id = ?")) {
            s.setObject(1, community);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void theSubscriptionHandshakeEchoesTheChallengeOnlyForTheRightToken() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "verify-me")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/facebook/" + community)
                .then().statusCode(200).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/facebook/" + community)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void onlyCorrectlySignedDeliveriesAreStored() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);
        String body = feed("page-" + community, "add", "cmt-" + UUID.randomUUID(), "Super émission ce matin");

        postFacebook(community, body, null).then().statusCode(401).contentType("application/problem+json");
        postFacebook(community, body, "sha256=" + "0".repeat(64)).then().statusCode(401);
        String alteredByOneByte = body.replace("Super", "Suppr");
        postFacebook(community, alteredByOneByte, sign(body)).then().statusCode(401);
        org.assertj.core.api.Assertions.assertThat(messages(db, community)).isZero();

        postFacebook(community, body, sign(body)).then().statusCode(200).body("stored", equalTo(1));
        postFacebook(community, body, sign(body)).then().statusCode(200).body("duplicates", equalTo(1));
        org.assertj.core.api.Assertions.assertThat(messages(db, community)).isEqualTo(1);
    }

    @Test
    void anEditIsANewRetriagedVersionAndARemovalClosesTheMessage() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_POSTERIORI);
        String comment = "cmt-" + UUID.randomUUID();
        String page = "page-" + community;
        String added = feed(page, "add", comment, "Merci pour ce reportage");
        postFacebook(community, added, sign(added)).then().statusCode(200).body("stored", equalTo(1));
        String edited = feed(page, "edited", comment, "Espece de connard, tu sers a rien");
        postFacebook(community, edited, sign(edited)).then().statusCode(200);

        String id = given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon"))
                .queryParam("communityId", community.toString()).get("/messages").path("items[0].id");
        given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon")).get("/messages/" + id)
                .then().statusCode(200)
                .body("currentVersion", equalTo(2))
                .body("versions.size()", equalTo(2))
                .body("versions[1].suggestedCategory", equalTo("INSULT"))
                .body("hidden", equalTo(true));

        String removed = feed(page, "remove", comment, "");
        postFacebook(community, removed, sign(removed)).then().statusCode(200);
        given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon")).get("/messages/" + id)
                .then().body("status", equalTo("REMOVED"));
    }

    @Test
    void aSiteDeliveryMustBeSignedAndRecent() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", ModerationMode.A_PRIORI);
        String body = "{\"messages\":[{\"externalId\":\"site-" + UUID.randomUUID() + "\",\"text\":\"Bel article\"}]}";
        long now = Instant.now().getEpochSecond();

        site(community, body, now, SITE_SECRET).then().statusCode(200).body("created", equalTo(1));
        site(community, body, now, "wrong-secret").then().statusCode(401);
        site(community, body, now - 600, SITE_SECRET).then().statusCode(401).body("detail", org.hamcrest.Matchers.containsString("window"));
        given().contentType("application/json").body(body).post("/webhooks/sites/" + community).then().statusCode(401);
    }

    private static Response site(UUID community, String body, long timestamp, String secret) {
        String signature = "sha256=" + Signatures.hmacSha256Hex(secret, (timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        return given().contentType("application/json").header("X-Vigie-Timestamp", Long.toString(timestamp))
                .header("X-Vigie-Signature", signature).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/webhooks/sites/" + community);
    }
}

package app.vigie.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import app.vigie.gateway.StubUpstreams;
import app.vigie.platform.testing.Keycloak;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StubUpstreams.class)
class ProxyRoutesTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @BeforeEach
    void clear() {
        StubUpstreams.RECEIVED.clear();
        // a hang must fail the test instead of blocking it
        RestAssured.config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 8_000).setParam("http.connection.timeout", 3_000));
    }

    private StubUpstreams.Received lastReceived() {
        assertThat(StubUpstreams.RECEIVED).as("requests that reached the upstream").isNotEmpty();
        return StubUpstreams.RECEIVED.getLast();
    }

    @Test
    void withoutTokenTheGatewayAnswers401AndForwardsNothing() {
        given().get("/api/registry/communities")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("https://vigie.app/problems/unauthenticated"))
                .body("instance", equalTo("/api/registry/communities"));
        assertThat(StubUpstreams.RECEIVED).isEmpty();
    }

    @Test
    void forgedTokenIs401() {
        String[] parts = Keycloak.tokenFor("moderator.horizon").split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                Keycloak.claims(Keycloak.tokenFor("moderator.horizon")).toString()
                        .replace("radio-horizon", "maison-lumen").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().auth().oauth2(parts[0] + "." + forgedPayload + "." + parts[2]).get("/api/registry/communities")
                .then().statusCode(401).contentType(PROBLEM_JSON);
        assertThat(StubUpstreams.RECEIVED).isEmpty();
    }

    @Test
    void expiredTokenIs401() {
        given().auth().oauth2(Keycloak.expiredToken()).get("/api/registry/communities")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://vigie.app/problems/unauthenticated"));
        assertThat(StubUpstreams.RECEIVED).isEmpty();
    }

    @Test
    void validRequestReachesTheUpstreamWithoutPrefixWithTokenAndRequestId() {
        String token = Keycloak.tokenFor("moderator.horizon");
        given().auth().oauth2(token).header("X-Request-Id", "gw-test-1")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .queryParam("language", "fr")
                .get("/api/registry/communities")
                .then().statusCode(200)
                .header("X-Upstream", "echo")
                .header("X-Request-Id", "gw-test-1")
                .body("uri", equalTo("/communities?language=fr"));

        StubUpstreams.Received received = lastReceived();
        assertThat(received.uri()).isEqualTo("/communities?language=fr");
        assertThat(received.headers()).containsEntry("Authorization", "Bearer " + token)
                .containsEntry("X-Request-Id", "gw-test-1")
                .containsEntry("X-Forwarded-Prefix", "/api/registry")
                .containsKey("X-Forwarded-For")
                .doesNotContainKey("Proxy-Authorization");
    }

    @Test
    void bodyAndStatusPassThroughUnchanged() {
        String body = "{\"name\":\"Radio Horizon — débats\",\"languages\":[\"fr\",\"en\"]}";
        given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon")).contentType(ContentType.JSON).body(body)
                .post("/api/registry/created")
                .then().statusCode(201).body("method", equalTo("POST"));

        assertThat(lastReceived().body()).isEqualTo(body);
    }

    @Test
    void aRequestWithoutIdGetsOneThatTheUpstreamSeesToo() {
        Response response = given().auth().oauth2(Keycloak.tokenFor("moderator.horizon")).get("/api/registry/x");

        String id = response.header("X-Request-Id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(response.headers().getValues("X-Request-Id")).as("one X-Request-Id, not the service's copy too")
                .hasSize(1);
        assertThat(lastReceived().headers()).containsEntry("X-Request-Id", id);
    }

    @Test
    void webhooksNeedNoTokenAndKeepTheirPath() {
        given().contentType(ContentType.JSON).body("{\"object\":\"page\"}")
                .header("X-Hub-Signature-256", "sha256=abc")
                .post("/webhooks/facebook/0193a1b2")
                .then().statusCode(200);

        StubUpstreams.Received received = lastReceived();
        assertThat(received.uri()).isEqualTo("/webhooks/facebook/0193a1b2");
        assertThat(received.headers()).containsEntry("X-Hub-Signature-256", "sha256=abc");
    }

    @Test
    void pastTheLimitACallerGets429WithRetryAfter() {
        String token = Keycloak.tokenFor("analyst.lumen");
        io.restassured.response.Response response = null;
        int sent = 0;
        while ((response == null || response.statusCode() != 429) && sent < 100) {
            response = given().auth().oauth2(token).get("/api/registry/limit");
            sent++;
        }
        assertThat(sent).isGreaterThan(20);
        // the refused answer itself is checked: asking again could already find a token refilled (the bucket refills
        // continuously), which made this test fail now and then
        response.then().statusCode(429).contentType(PROBLEM_JSON)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://vigie.app/problems/rate-limited"));
        // another caller keeps its own budget
        given().auth().oauth2(Keycloak.tokenFor("auditor.lumen")).get("/api/registry/limit").then().statusCode(200);
    }

    @Test
    void upstreamDownIsA503ProblemNotAHang() {
        given().auth().oauth2(Keycloak.tokenFor("moderator.horizon")).get("/api/intake/messages")
                .then().statusCode(503).contentType(PROBLEM_JSON)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://vigie.app/problems/unavailable"))
                .body("detail", containsString("intake"))
                .body("requestId", notNullValue());
    }

    @Test
    void silentUpstreamIsA504Problem() {
        given().auth().oauth2(Keycloak.tokenFor("moderator.horizon")).get("/api/registry/slow")
                .then().statusCode(504).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://vigie.app/problems/gateway-timeout"));
    }

    @Test
    void corsPreflightFromAConfiguredOriginIsAllowed() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/registry/communities")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Methods", containsString("POST"));
        assertThat(StubUpstreams.RECEIVED).isEmpty();
    }

    @Test
    void corsPreflightFromAnotherOriginIsNotAllowed() {
        Response response = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/registry/communities");

        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }
}

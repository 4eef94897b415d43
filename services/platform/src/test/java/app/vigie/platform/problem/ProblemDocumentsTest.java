package app.vigie.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import app.vigie.platform.testing.Keycloak;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemDocumentsTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void invalidFieldsAreEachNamedWithTheirReason() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"body":"a note that is far too long","languages":["fr","english"],"author":{"name":""},"slaMinutes":0}""")
                .queryParam("limit", 501)
                .post("/probe/validated")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://vigie.app/problems/validation"))
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("instance", equalTo("/probe/validated"))
                .body("requestId", notNullValue())
                .body("errors.field", hasItems("body.body", "body.languages[1]", "body.author.name", "body.slaMinutes",
                        "query.limit"))
                .body("errors.find { it.field == 'body.languages[1]' }.reason", equalTo("must be an ISO 639-1 code"))
                .body("detail", equalTo("5 invalid fields"));
    }

    @Test
    void missingBodyIsAValidationProblemOnTheBody() {
        given().contentType(ContentType.JSON).post("/probe/validated")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://vigie.app/problems/validation"))
                .body("errors.field", hasItems("body"));
    }

    @Test
    void malformedJsonIsA400SayingWhere() {
        given().contentType(ContentType.JSON).body("{\"body\": \"x\", ")
                .post("/probe/validated")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://vigie.app/problems/malformed-json"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        given().contentType(ContentType.JSON).body("""
                        {"body":"x","languages":["fr"],"slaMinutes":"soon"}""")
                .post("/probe/validated")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://vigie.app/problems/validation"))
                .body("errors[0].field", equalTo("body.slaMinutes"))
                .body("errors[0].reason", containsString("integer"));
    }

    @Test
    void domainRefusalsRenderTheirKindAndStatus() {
        Map<String, Integer> statuses = Map.of("conflict", 409, "stale", 412, "version-required", 428, "too-large", 413,
                "not-found", 404, "rate-limited", 429);
        statuses.forEach((kind, status) -> given().get("/probe/fail/" + kind)
                .then().statusCode(status).contentType(PROBLEM_JSON)
                .body("status", equalTo(status))
                .body("type", containsString("https://vigie.app/problems/"))
                .body("instance", equalTo("/probe/fail/" + kind)));
    }

    @Test
    void conflictNamesTheField() {
        given().get("/probe/fail/conflict")
                .then().statusCode(409)
                .body("type", equalTo("https://vigie.app/problems/conflict"))
                .body("errors[0].field", equalTo("body.externalId"));
    }

    @Test
    void rateLimitedCarriesRetryAfterInWholeSeconds() {
        given().get("/probe/fail/rate-limited")
                .then().statusCode(429).header("Retry-After", "3")
                .body("type", equalTo("https://vigie.app/problems/rate-limited"));
    }

    @Test
    void unexpectedErrorHidesItsDetailButGivesTheRequestId() {
        given().header("X-Request-Id", "trace-me-123").get("/probe/fail/bug")
                .then().statusCode(500).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://vigie.app/problems/internal"))
                .body("requestId", equalTo("trace-me-123"))
                .body("detail", allOf(containsString("trace-me-123"), not(containsString("secret"))))
                .body("$", not(hasKey("stack")));
    }

    @Test
    void unknownPathIsA404Problem() {
        given().get("/probe/no-such-thing")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://vigie.app/problems/not-found"));
    }

    @Test
    void wrongMethodIsA405Problem() {
        given().delete("/probe/request-id")
                .then().statusCode(405).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://vigie.app/problems/method-not-allowed"));
    }

    @Test
    void missingTokenIsA401ProblemWithABearerChallenge() {
        given().get("/probe/caller")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("https://vigie.app/problems/unauthenticated"));
    }

    @Test
    void forgedTokenIsA401Problem() {
        String real = Keycloak.tokenFor("moderator.horizon");
        String[] parts = real.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(forged).get("/probe/caller")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://vigie.app/problems/unauthenticated"));
    }

    @Test
    void insufficientRoleIsA403Problem() {
        given().auth().oauth2(Keycloak.tokenFor("moderator.horizon")).get("/probe/admin-only")
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://vigie.app/problems/forbidden"));
    }
}

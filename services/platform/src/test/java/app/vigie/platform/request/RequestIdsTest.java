package app.vigie.platform.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestIdsTest {

    @Test
    void aRequestWithoutIdGetsANewOneOnTheResponseAndInTheMdc() {
        Response response = given().get("/probe/request-id");

        String id = response.header("X-Request-Id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(response.jsonPath().getString("requestId")).isEqualTo(id);
    }

    @Test
    void aSaneIdFromTheCallerIsKept() {
        given().header("X-Request-Id", "client-abc.42:7")
                .get("/probe/request-id")
                .then().statusCode(200)
                .header("X-Request-Id", "client-abc.42:7")
                .body("requestId", equalTo("client-abc.42:7"));
    }

    @Test
    void anUnsafeIdIsReplaced() {
        String sent = "bad id\twith spaces and a very long tail " + "x".repeat(200);
        String returned = given().header("X-Request-Id", sent).get("/probe/request-id").header("X-Request-Id");

        assertThat(returned).isNotEqualTo(sent);
        assertThat(UUID.fromString(returned)).isNotNull();
    }

    @Test
    void theIdTravelsOnToOutgoingRestClientCalls() {
        given().header("X-Request-Id", "follow-me-1")
                .get("/probe/relay")
                .then().statusCode(200)
                .body("received", equalTo("follow-me-1"));
    }

    @Test
    void acceptKeepsOnlyWellFormedIds() {
        assertThat(RequestIds.accept("abc-123")).isEqualTo("abc-123");
        assertThat(RequestIds.accept(null)).hasSize(36);
        assertThat(RequestIds.accept("")).hasSize(36);
        assertThat(RequestIds.accept("a\nb")).isNotEqualTo("a\nb");
    }
}

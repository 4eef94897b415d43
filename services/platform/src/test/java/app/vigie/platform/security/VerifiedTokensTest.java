package app.vigie.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import app.vigie.platform.testing.Keycloak;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The verified-token cache against tokens of the real Keycloak realm. */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void aTokenSeenTwiceIsRememberedAndStillNamesItsOwnCaller() {
        String horizon = Keycloak.tokenFor("moderator.horizon");
        String lumen = Keycloak.clientToken("integration-maison-lumen");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(horizon).get("/probe/caller").then().statusCode(200)
                    .body("tenant", equalTo("radio-horizon")).body("name", equalTo("moderator.horizon"));
            given().auth().oauth2(lumen).get("/probe/caller").then().statusCode(200)
                    .body("tenant", equalTo("maison-lumen"));
        }
        assertThat(tokens.find(horizon, null)).as("a user's token").isNotNull();
        assertThat(tokens.find(lumen, null)).as("an integration client's token").isNotNull();
    }

    @Test
    void aRememberedIdentitySeesTheCurrentRequestNotTheOneThatFirstBroughtTheToken() {
        String token = Keycloak.tokenFor("client-admin.horizon");
        given().auth().oauth2(token).header("X-Probe", "first").get("/probe/identity-request")
                .then().statusCode(200).body("probe", equalTo("first"));
        given().auth().oauth2(token).header("X-Probe", "second").get("/probe/identity-request")
                .then().statusCode(200).body("probe", equalTo("second")).body("remembered", equalTo("true"));
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRefused() {
        String token = Keycloak.tokenFor("moderator.horizon");
        given().auth().oauth2(token).get("/probe/caller").then().statusCode(200);
        int signature = token.lastIndexOf('.') + 1;
        char flipped = token.charAt(signature) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, signature) + flipped + token.substring(signature + 1);
        given().auth().oauth2(tampered).get("/probe/caller").then().statusCode(401);
        given().auth().oauth2(token + "x").get("/probe/caller").then().statusCode(401);
    }

    @Test
    void rolesStillApplyToARememberedIdentity() {
        String token = Keycloak.tokenFor("moderator.horizon");
        given().auth().oauth2(token).get("/probe/caller").then().statusCode(200);
        given().auth().oauth2(token).get("/probe/admin-only").then().statusCode(403);
    }
}

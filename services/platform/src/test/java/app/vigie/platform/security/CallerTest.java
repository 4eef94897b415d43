package app.vigie.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import app.vigie.platform.testing.Keycloak;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CallerTest {

    @Test
    void tenantUserCarriesItsTenantAndRoles() {
        given().auth().oauth2(Keycloak.tokenFor("moderator.horizon")).get("/probe/caller")
                .then().statusCode(200)
                .body("tenant", equalTo("radio-horizon"))
                .body("platformStaff", equalTo(false))
                .body("name", equalTo("moderator.horizon"))
                .body("roles", hasItem("moderator"))
                .body("roles", not(hasItem("platform-admin")));
    }

    @Test
    void platformStaffHasNoTenant() {
        given().auth().oauth2(Keycloak.tokenFor("staff.admin")).get("/probe/caller")
                .then().statusCode(200)
                .body("tenant", nullValue())
                .body("platformStaff", equalTo(true));
    }

    @Test
    void integrationClientCarriesItsTenantFromTheClient() {
        given().auth().oauth2(Keycloak.clientToken("integration-maison-lumen")).get("/probe/caller")
                .then().statusCode(200)
                .body("tenant", equalTo("maison-lumen"))
                .body("roles", hasItem("integration"));
    }

    @Test
    void ownTenantsResourceIsVisible() {
        given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon")).get("/probe/tenants/radio-horizon/notes/7")
                .then().statusCode(200).body("tenant", equalTo("radio-horizon"));
    }

    @Test
    void anotherTenantsResourceIsA404NotA403() {
        given().auth().oauth2(Keycloak.tokenFor("client-admin.horizon")).get("/probe/tenants/maison-lumen/notes/7")
                .then().statusCode(404)
                .body("type", equalTo("https://vigie.app/problems/not-found"))
                .body("detail", equalTo("note 7 not found"));
    }

    @Test
    void platformStaffSeesEveryTenant() {
        given().auth().oauth2(Keycloak.tokenFor("staff.auditor")).get("/probe/tenants/maison-lumen/notes/7")
                .then().statusCode(200);
    }
}

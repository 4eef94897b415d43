package app.vigie.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import app.vigie.gateway.StubUpstreams;
import app.vigie.platform.testing.Keycloak;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StubUpstreams.class)
class MeResourceTest {

    @Test
    void tenantUserSeesItsRolesAndTenant() {
        given().auth().oauth2(Keycloak.tokenFor("community-manager.lumen")).get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("community-manager.lumen"))
                .body("roles", contains("community-manager"))
                .body("tenant", equalTo("maison-lumen"));
    }

    @Test
    void platformStaffHasNoTenant() {
        given().auth().oauth2(Keycloak.tokenFor("staff.admin")).get("/api/me")
                .then().statusCode(200)
                .body("roles", contains("platform-admin"))
                .body("tenant", nullValue());
    }

    @Test
    void withoutTokenIs401Problem() {
        given().get("/api/me")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://vigie.app/problems/unauthenticated"));
    }
}

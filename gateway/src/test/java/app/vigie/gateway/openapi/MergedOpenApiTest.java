package app.vigie.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import app.vigie.gateway.StubUpstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StubUpstreams.class)
class MergedOpenApiTest {

    @Test
    void servesOneDocumentWithEveryServiceUnderItsPrefix() {
        given().get("/openapi")
                .then().statusCode(200)
                .body("openapi", equalTo("3.1.0"))
                .body("paths.'/api/registry/communities'.get.'x-vigie-service'", equalTo("registry"))
                .body("paths.'/api/me'.get", notNullValue())
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                // both the gateway and the registry define a schema "Me": the registry's is renamed
                .body("components.schemas.RegistryMe.properties.community.type", equalTo("string"))
                .body("paths.'/api/registry/communities'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/RegistryMe"))
                .body("'x-vigie-unavailable'", hasItem("intake"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}

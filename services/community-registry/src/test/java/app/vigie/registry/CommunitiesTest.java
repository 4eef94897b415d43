package app.vigie.registry;

import static app.vigie.registry.support.Registry.HORIZON;
import static app.vigie.registry.support.Registry.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import app.vigie.registry.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommunitiesTest {

    @BeforeEach
    void tenants() {
        Registry.demoTenants();
    }

    private static String withField(String body, String field, String json) {
        return body.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\[[^\\]]*\\]|\\d+)", "\"" + field + "\":" + json);
    }

    @Test
    void aClientAdminRegistersACommunityOfItsTenant() {
        String externalId = Registry.unique("fb");
        Response response = Registry.register("client-admin.horizon", null, externalId);

        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/communities/" + id);
        assertThat(response.header("ETag")).isEqualTo("\"0\"");
        as("client-admin.horizon").get("/communities/" + id)
                .then().statusCode(200)
                .body("tenant", equalTo(HORIZON))
                .body("languages", contains("fr", "en"))
                .body("coverage.mode", equalTo("OPENING_HOURS"))
                .body("coverage.hours.MONDAY[1].from", equalTo("14:00"))
                .body("status", equalTo("ACTIVE"))
                .body("policyVersion", equalTo(1));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String valid = Registry.community(HORIZON, Registry.unique("fb"));
        List<String[]> cases = List.of(
                new String[] {withField(valid, "platform", "\"MYSPACE\""), "body.platform"},
                new String[] {withField(valid, "languages", "[\"fr\",\"xx\"]"), "body.languages[1]"},
                new String[] {withField(valid, "languages", "[\"fr\",\"fr\"]"), "body.languages[1]"},
                new String[] {withField(valid, "timeZone", "\"Mars/Olympus\""), "body.timeZone"},
                new String[] {withField(valid, "callbackUrl", "\"not a url\""), "body.callbackUrl"},
                new String[] {withField(valid, "decisionSlaMinutes", "0"), "body.decisionSlaMinutes"},
                new String[] {withField(valid, "replySlaMinutes", "-5"), "body.replySlaMinutes"},
                new String[] {valid.replace("{\"from\":\"14:00\",\"to\":\"20:00\"}", "{\"from\":\"11:00\",\"to\":\"20:00\"}"),
                        "body.coverage.hours.MONDAY[1]"},
                new String[] {valid.replace("{\"from\":\"10:00\",\"to\":\"18:00\"}", "{\"from\":\"18:00\",\"to\":\"10:00\"}"),
                        "body.coverage.hours.SATURDAY[0]"},
                new String[] {valid.replace("\"SATURDAY\"", "\"CAKEDAY\""), "body.coverage.hours.CAKEDAY"});
        for (String[] c : cases) {
            as("staff.admin").body(c[0]).post("/communities")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(c[1]));
        }
    }

    @Test
    void aDuplicateExternalIdIs409AndNothingIsWritten() {
        String externalId = Registry.unique("fb");
        Registry.register("staff.admin", HORIZON, externalId);
        int before = as("staff.admin").queryParam("q", externalId).get("/communities").path("items.size()");

        as("staff.admin").body(Registry.community(Registry.LUMEN, externalId)).post("/communities")
                .then().statusCode(409)
                .body("errors[0].field", equalTo("body.externalId"));

        assertThat((int) as("staff.admin").queryParam("q", externalId).get("/communities").path("items.size()"))
                .isEqualTo(before).isEqualTo(1);
    }

    @Test
    void platformStaffMustNameTheTenant() {
        as("staff.admin").body(Registry.community(null, Registry.unique("fb"))).post("/communities")
                .then().statusCode(400).body("errors[0].field", equalTo("body.tenant"));
    }

    @Test
    void updatesNeedTheCurrentETagAndBumpIt() {
        String id = Registry.register("client-admin.horizon", null, Registry.unique("fb")).path("id");
        String changed = Registry.community(null, Registry.unique("fb2")).replace("Radio Horizon — débats", "Débats du soir");

        as("client-admin.horizon").body(changed).put("/communities/" + id).then().statusCode(428);
        as("client-admin.horizon").body(changed).header("If-Match", "\"5\"").put("/communities/" + id)
                .then().statusCode(412).body("type", equalTo("https://vigie.app/problems/precondition-failed"));
        as("client-admin.horizon").body(changed).header("If-Match", "\"0\"").put("/communities/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("name", equalTo("Débats du soir"));
    }

    @Test
    void aCommunityCannotMoveToAnotherTenant() {
        String id = Registry.register("staff.admin", HORIZON, Registry.unique("fb")).path("id");
        as("staff.admin").body(Registry.community(Registry.LUMEN, Registry.unique("fb"))).header("If-Match", "\"0\"")
                .put("/communities/" + id).then().statusCode(409).body("errors[0].field", equalTo("body.tenant"));
    }

    @Test
    void archivingKeepsTheCommunityReadableAndRefusesFurtherChanges() {
        String id = Registry.register("client-admin.horizon", null, Registry.unique("fb")).path("id");

        as("client-admin.horizon").header("If-Match", "\"0\"").post("/communities/" + id + "/archive")
                .then().statusCode(200).body("status", equalTo("ARCHIVED"));

        as("client-admin.horizon").get("/communities/" + id).then().statusCode(200).body("status", equalTo("ARCHIVED"));
        as("client-admin.horizon").header("If-Match", "\"1\"").post("/communities/" + id + "/archive").then().statusCode(409);
    }

    @Test
    void listingFiltersAndPagesWithACursor() {
        String marker = Registry.unique("page");
        for (int i = 0; i < 3; i++) {
            Registry.register("staff.admin", HORIZON, marker + "-" + i);
        }
        String instagram = Registry.community(HORIZON, marker + "-ig").replace("FACEBOOK_PAGE", "INSTAGRAM_ACCOUNT")
                .replace("[\"fr\",\"en\"]", "[\"en\"]");
        as("staff.admin").body(instagram).post("/communities").then().statusCode(201);

        Response first = as("staff.admin").queryParam("q", marker).queryParam("limit", 2).get("/communities");
        first.then().statusCode(200).body("items.size()", equalTo(2)).body("next", not(nullValue()));
        Response second = as("staff.admin").queryParam("q", marker).queryParam("limit", 2)
                .queryParam("cursor", (String) first.path("next")).get("/communities");
        second.then().statusCode(200).body("items.size()", equalTo(2)).body("next", nullValue());
        List<String> all = new java.util.ArrayList<>(first.jsonPath().getList("items.externalId"));
        all.addAll(second.jsonPath().getList("items.externalId"));
        assertThat(all).containsExactly(marker + "-0", marker + "-1", marker + "-2", marker + "-ig");

        as("staff.admin").queryParam("q", marker).queryParam("platform", "INSTAGRAM_ACCOUNT").get("/communities")
                .then().body("items.externalId", contains(marker + "-ig"));
        as("staff.admin").queryParam("q", marker).queryParam("language", "fr").get("/communities")
                .then().body("items.size()", equalTo(3));
    }

    @Test
    void badListingParametersAre400() {
        as("staff.admin").queryParam("cursor", "garbage").get("/communities")
                .then().statusCode(400).body("errors[0].field", equalTo("query.cursor"));
        as("staff.admin").queryParam("limit", 0).get("/communities")
                .then().statusCode(400).body("errors[0].field", equalTo("query.limit"));
        as("staff.admin").queryParam("limit", "ten").get("/communities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("query.limit"));
        as("staff.admin").queryParam("language", "xx").get("/communities")
                .then().statusCode(400).body("errors[0].field", equalTo("query.language"));
        as("staff.admin").queryParam("platform", "MYSPACE").get("/communities")
                .then().statusCode(400).body("errors[0].field", equalTo("query.platform"));
    }

    @Test
    void lookupByPlatformAndExternalIdServesIntake() {
        String externalId = Registry.unique("fb");
        String id = Registry.register("staff.admin", HORIZON, externalId).path("id");

        Response found = io.restassured.RestAssured.given()
                .auth().oauth2(app.vigie.platform.testing.Keycloak.clientToken("vigie-intake"))
                .queryParam("platform", "FACEBOOK_PAGE").queryParam("externalId", externalId)
                .get("/communities/lookup");
        found.then().statusCode(200).body("id", equalTo(id)).header("ETag", startsWith("\""));

        io.restassured.RestAssured.given()
                .auth().oauth2(app.vigie.platform.testing.Keycloak.clientToken("integration-maison-lumen"))
                .queryParam("platform", "FACEBOOK_PAGE").queryParam("externalId", externalId)
                .get("/communities/lookup").then().statusCode(404);
    }
}

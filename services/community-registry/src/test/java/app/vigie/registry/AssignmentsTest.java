package app.vigie.registry;

import static app.vigie.registry.support.Registry.HORIZON;
import static app.vigie.registry.support.Registry.LUMEN;
import static app.vigie.registry.support.Registry.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import app.vigie.registry.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssignmentsTest {

    private String community;
    private String moderator;

    @BeforeEach
    void setUp() {
        Registry.demoTenants();
        community = Registry.register("client-admin.horizon", null, Registry.unique("fb")).path("id");
        moderator = Registry.staffFor("moderator.horizon", HORIZON, "fr", "en");
    }

    @Test
    void anAssignedModeratorSeesTheCommunityAndOnlyThatOne() {
        String other = Registry.register("client-admin.horizon", null, Registry.unique("fb")).path("id");
        String assignment = as("client-admin.horizon").body("""
                        {"staffId":"%s","role":"MODERATOR"}""".formatted(moderator))
                .post("/communities/" + community + "/assignments")
                .then().statusCode(201).body("role", equalTo("MODERATOR")).extract().path("id");

        as("moderator.horizon").get("/communities/" + community).then().statusCode(200);
        as("moderator.horizon").get("/communities/" + other).then().statusCode(404);
        as("moderator.horizon").get("/communities/assigned-to-me")
                .then().statusCode(200).body("items.id", hasItem(community)).body("items.id", not(hasItem(other)));

        as("client-admin.horizon").delete("/communities/" + community + "/assignments/" + assignment)
                .then().statusCode(204);
        as("moderator.horizon").get("/communities/" + community).then().statusCode(404);
        as("moderator.horizon").get("/communities/assigned-to-me").then().body("items.id", not(hasItem(community)));
    }

    @Test
    void aTeamAssignmentReachesEveryMember() {
        String manager = Registry.staffFor("community-manager.horizon", HORIZON, "fr");
        String team = as("client-admin.horizon").body("""
                        {"name":"%s","members":["%s","%s"]}""".formatted(Registry.unique("Soirée"), moderator, manager))
                .post("/teams").then().statusCode(201).extract().path("id");

        as("client-admin.horizon").body("""
                        {"teamId":"%s","role":"COMMUNITY_MANAGER"}""".formatted(team))
                .post("/communities/" + community + "/assignments").then().statusCode(201);

        as("community-manager.horizon").get("/communities/assigned-to-me").then().body("items.id", hasItem(community));
        as("moderator.horizon").get("/communities/" + community).then().statusCode(200);

        String etag = as("client-admin.horizon").get("/teams/" + team).header("ETag");
        as("client-admin.horizon").header("If-Match", etag).post("/teams/" + team + "/archive")
                .then().statusCode(200).body("status", equalTo("ARCHIVED"));
        as("community-manager.horizon").get("/communities/assigned-to-me").then().body("items.id", not(hasItem(community)));
    }

    @Test
    void assigningTwiceInTheSameRoleIs409AndGivingBothOrNeitherIs400() {
        String body = """
                {"staffId":"%s","role":"SENIOR_MODERATOR"}""".formatted(moderator);
        as("client-admin.horizon").body(body).post("/communities/" + community + "/assignments").then().statusCode(201);
        as("client-admin.horizon").body(body).post("/communities/" + community + "/assignments").then().statusCode(409);
        as("client-admin.horizon").body("""
                        {"role":"MODERATOR"}""").post("/communities/" + community + "/assignments")
                .then().statusCode(400).body("errors[0].field", equalTo("body.staffId"));
    }

    @Test
    void staffOfAnotherCompanyCannotBeAssigned() {
        String lumenModerator = Registry.staffFor("moderator.lumen", LUMEN, "fr");
        as("staff.admin").body("""
                        {"staffId":"%s","role":"MODERATOR"}""".formatted(lumenModerator))
                .post("/communities/" + community + "/assignments")
                .then().statusCode(409).body("errors[0].field", equalTo("body.staffId"));
        as("client-admin.horizon").get("/staff/" + lumenModerator).then().statusCode(404);
    }

    @Test
    void aClientAdminManagesOnlyItsOwnStaff() {
        as("client-admin.horizon").body("""
                        {"subject":"%s","displayName":"x","tenant":"%s","languages":["fr"]}""".formatted(
                        java.util.UUID.randomUUID(), LUMEN))
                .post("/staff").then().statusCode(404);
        as("client-admin.horizon").body("""
                        {"subject":"%s","displayName":"Nouvelle recrue","languages":["fr","zz"]}""".formatted(
                        java.util.UUID.randomUUID()))
                .post("/staff").then().statusCode(400).body("errors[0].field", equalTo("body.languages[1]"));
        as("client-admin.horizon").get("/staff").then().statusCode(200)
                .body("tenant", not(hasItem(LUMEN)));
    }
}

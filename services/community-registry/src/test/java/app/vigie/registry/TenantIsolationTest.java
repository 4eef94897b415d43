package app.vigie.registry;

import static app.vigie.registry.support.Registry.HORIZON;
import static app.vigie.registry.support.Registry.LUMEN;
import static app.vigie.registry.support.Registry.as;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import app.vigie.registry.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client company never sees another one's data: every id of the other tenant answers 404, listings omit it. */
@QuarkusTest
class TenantIsolationTest {

    private static String lumenCommunity;
    private static String lumenExternalId;

    @BeforeEach
    void lumenHasACommunity() {
        if (lumenCommunity == null) {
            Registry.demoTenants();
            lumenExternalId = Registry.unique("lumen-fb");
            lumenCommunity = Registry.register("client-admin.lumen", null, lumenExternalId).path("id");
        }
    }

    @Test
    void everyOperationOnAnotherTenantsCommunityIs404() {
        String body = Registry.community(null, Registry.unique("x"));
        for (String user : new String[] {"client-admin.horizon", "auditor.horizon", "analyst.horizon"}) {
            as(user).get("/communities/" + lumenCommunity).then().statusCode(404);
            as(user).get("/communities/" + lumenCommunity + "/policy").then().statusCode(404);
            as(user).get("/communities/" + lumenCommunity + "/policy/versions").then().statusCode(404);
            as(user).get("/communities/" + lumenCommunity + "/policy/versions/1").then().statusCode(404);
            as(user).get("/communities/" + lumenCommunity + "/assignments").then().statusCode(404);
        }
        as("client-admin.horizon").body(body).header("If-Match", "\"0\"").put("/communities/" + lumenCommunity)
                .then().statusCode(404);
        as("client-admin.horizon").header("If-Match", "\"0\"").post("/communities/" + lumenCommunity + "/archive")
                .then().statusCode(404);
        as("client-admin.horizon").body("""
                        {"forbiddenCategories":["SPAM"],"autoHideThreshold":0.5}""").header("If-Match", "\"1\"")
                .put("/communities/" + lumenCommunity + "/policy").then().statusCode(404);
        as("client-admin.horizon").body("""
                        {"staffId":"%s","role":"MODERATOR"}""".formatted(java.util.UUID.randomUUID()))
                .post("/communities/" + lumenCommunity + "/assignments").then().statusCode(404);
    }

    @Test
    void listingsNeverShowAnotherTenant() {
        as("client-admin.horizon").get("/communities").then().statusCode(200)
                .body("items.tenant", everyItem(equalTo(HORIZON)))
                .body("items.id", not(hasItem(lumenCommunity)));
        as("client-admin.horizon").queryParam("tenant", LUMEN).get("/communities")
                .then().statusCode(200).body("items", empty());
        as("auditor.horizon").queryParam("q", lumenExternalId).get("/communities")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void aTenantAdminCannotRegisterForAnotherTenant() {
        as("client-admin.horizon").body(Registry.community(LUMEN, Registry.unique("fb"))).post("/communities")
                .then().statusCode(404);
    }

    @Test
    void platformStaffSeeEveryTenant() {
        as("staff.auditor").get("/communities/" + lumenCommunity).then().statusCode(200);
        as("staff.admin").queryParam("q", lumenExternalId).get("/communities")
                .then().body("items.id", hasItem(lumenCommunity));
    }

    @Test
    void rolesThatOnlyReadCannotChangeAndUnassignedModeratorsSeeNothing() {
        String horizonCommunity = Registry.register("client-admin.horizon", null, Registry.unique("fb")).path("id");
        as("auditor.horizon").get("/communities/" + horizonCommunity).then().statusCode(200);
        as("analyst.horizon").header("If-Match", "\"0\"").post("/communities/" + horizonCommunity + "/archive")
                .then().statusCode(403);
        as("moderator.horizon").body(Registry.community(null, Registry.unique("fb"))).post("/communities")
                .then().statusCode(403);
        as("moderator.horizon").get("/communities/" + horizonCommunity).then().statusCode(404);
        as("community-manager.lumen").get("/tenants").then().statusCode(200);
    }
}

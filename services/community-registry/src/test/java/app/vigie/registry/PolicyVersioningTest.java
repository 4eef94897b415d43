package app.vigie.registry;

import static app.vigie.registry.support.Registry.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import app.vigie.registry.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PolicyVersioningTest {

    private static final String STRICTER = """
            {"forbiddenCategories":["INSULT","HATE","THREAT","SPAM","COMPETITOR_PROMOTION"],
             "blockedTerms":{"fr":["arnaque", " arnaque ", "escroc"],"en":["scam"]},
             "allowedTerms":{"fr":["nul"]},
             "autoHideThreshold":0.75,
             "autoApproveBelow":0.05,
             "seniorCategories":["THREAT"],
             "houseRulesText":"Pas d'insultes, pas de publicité.",
             "houseRulesUrl":"https://radio-horizon.example/charte"}""";

    private String community;

    @BeforeEach
    void community() {
        Registry.demoTenants();
        community = Registry.register("client-admin.horizon", null, Registry.unique("fb")).path("id");
    }

    @Test
    void aNewCommunityStartsWithTheDefaultPolicyVersion1() {
        as("client-admin.horizon").get("/communities/" + community + "/policy")
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("forbiddenCategories", hasItem("HATE"))
                .body("autoHideThreshold", equalTo(0.9f));
    }

    @Test
    void everyChangeIsANewVersionAndOldVersionsStayReadable() {
        as("client-admin.horizon").body(STRICTER).header("If-Match", "\"1\"")
                .put("/communities/" + community + "/policy")
                .then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2))
                .body("blockedTerms.fr", contains("arnaque", "escroc"))
                .body("autoApproveBelow", equalTo(0.05f))
                .body("createdBy", equalTo("client-admin.horizon"));

        as("auditor.horizon").get("/communities/" + community + "/policy/versions/1")
                .then().statusCode(200).body("autoHideThreshold", equalTo(0.9f)).body("autoApproveBelow", equalTo(null));
        as("auditor.horizon").get("/communities/" + community + "/policy/versions")
                .then().statusCode(200).body("version", contains(2, 1));
        as("auditor.horizon").get("/communities/" + community)
                .then().body("policyVersion", equalTo(2));
        as("auditor.horizon").get("/communities/" + community + "/policy/versions/3").then().statusCode(404);
    }

    @Test
    void aPolicyChangeNeedsTheCurrentPolicyVersion() {
        as("client-admin.horizon").body(STRICTER).put("/communities/" + community + "/policy").then().statusCode(428);
        as("client-admin.horizon").body(STRICTER).header("If-Match", "\"2\"")
                .put("/communities/" + community + "/policy").then().statusCode(412);
    }

    @Test
    void badPoliciesAreRefusedNamingTheField() {
        as("client-admin.horizon").body("""
                        {"forbiddenCategories":["INSULT","GOSSIP"],"autoHideThreshold":0.5}""")
                .header("If-Match", "\"1\"").put("/communities/" + community + "/policy")
                .then().statusCode(400).body("errors[0].field", equalTo("body.forbiddenCategories[1]"));
        as("client-admin.horizon").body("""
                        {"forbiddenCategories":["INSULT"],"autoHideThreshold":1.5}""")
                .header("If-Match", "\"1\"").put("/communities/" + community + "/policy")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("body.autoHideThreshold"));
        as("client-admin.horizon").body("""
                        {"forbiddenCategories":["INSULT"],"autoHideThreshold":0.5,"blockedTerms":{"klingon":["x"]}}""")
                .header("If-Match", "\"1\"").put("/communities/" + community + "/policy")
                .then().statusCode(400).body("errors[0].field", equalTo("body.blockedTerms.klingon"));
        as("client-admin.horizon").body("""
                        {"forbiddenCategories":["INSULT"],"autoHideThreshold":0.5,"autoApproveBelow":0.6}""")
                .header("If-Match", "\"1\"").put("/communities/" + community + "/policy")
                .then().statusCode(400).body("errors[0].field", equalTo("body.autoApproveBelow"));
        as("client-admin.horizon").get("/communities/" + community + "/policy").then().body("version", equalTo(1));
    }
}

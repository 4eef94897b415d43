package app.vigie.registry;

import static app.vigie.registry.support.Registry.HORIZON;
import static app.vigie.registry.support.Registry.LUMEN;
import static app.vigie.registry.support.Registry.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import app.vigie.registry.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantsTest {

    @BeforeEach
    void tenants() {
        Registry.demoTenants();
    }

    @Test
    void platformAdminCreatesAClientCompanyAndGetsItsETag() {
        String slug = Registry.unique("ligue");
        as("staff.admin").body("""
                        {"slug":"%s","name":"Ligue Atlantique","legalName":"Ligue Atlantique de Football"}""".formatted(slug))
                .post("/tenants")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/tenants/" + slug))
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("ACTIVE"))
                .body("legalName", equalTo("Ligue Atlantique de Football"));
    }

    @Test
    void aDuplicateSlugIs409NamingTheField() {
        as("staff.admin").body("""
                        {"slug":"%s","name":"Again","legalName":"Again SA"}""".formatted(HORIZON))
                .post("/tenants")
                .then().statusCode(409).body("errors[0].field", equalTo("body.slug"));
    }

    @Test
    void invalidSlugAndMissingLegalNameAre400() {
        as("staff.admin").body("""
                        {"slug":"Not A Slug","name":"x","contacts":[{"name":"a","email":"not-an-email"}]}""")
                .post("/tenants")
                .then().statusCode(400)
                .body("errors.field", hasItems("body.slug", "body.legalName", "body.contacts[0].email"));
    }

    @Test
    void onlyPlatformAdminsCreateClientCompanies() {
        as("client-admin.horizon").body("""
                        {"slug":"sneaky","name":"Sneaky","legalName":"Sneaky SA"}""")
                .post("/tenants").then().statusCode(403);
    }

    @Test
    void aTenantUserListsOnlyItsOwnCompanyAndAnotherIs404() {
        as("auditor.horizon").get("/tenants").then().statusCode(200).body("slug", contains(HORIZON));
        as("auditor.horizon").get("/tenants/" + LUMEN).then().statusCode(404);
        as("client-admin.horizon").body("""
                        {"name":"x","legalName":"y"}""").header("If-Match", "\"0\"")
                .put("/tenants/" + LUMEN).then().statusCode(404);
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String slug = Registry.unique("media");
        as("staff.admin").body("""
                {"slug":"%s","name":"Le Quotidien","legalName":"Le Quotidien SA"}""".formatted(slug)).post("/tenants");
        String update = """
                {"name":"Le Quotidien du Nord","legalName":"Le Quotidien SA"}""";

        as("staff.admin").body(update).put("/tenants/" + slug).then().statusCode(428)
                .body("type", equalTo("https://vigie.app/problems/precondition-required"));
        as("staff.admin").body(update).header("If-Match", "\"7\"").put("/tenants/" + slug).then().statusCode(412);
        as("staff.admin").body(update).header("If-Match", "\"0\"").put("/tenants/" + slug)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("name", equalTo("Le Quotidien du Nord"));
        as("staff.admin").body(update).header("If-Match", "\"0\"").put("/tenants/" + slug).then().statusCode(412);
    }

    @Test
    void aSuspendedCompanyCannotRegisterCommunities() {
        String slug = Registry.unique("brand");
        as("staff.admin").body("""
                {"slug":"%s","name":"Brand","legalName":"Brand SA"}""".formatted(slug)).post("/tenants");
        as("staff.admin").header("If-Match", "\"0\"").post("/tenants/" + slug + "/suspend")
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));

        as("staff.admin").body(Registry.community(slug, Registry.unique("page"))).post("/communities")
                .then().statusCode(409).body("errors[0].field", equalTo("body.tenant"));
    }
}

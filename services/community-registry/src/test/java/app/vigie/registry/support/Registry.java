package app.vigie.registry.support;

import static io.restassured.RestAssured.given;

import app.vigie.platform.testing.Keycloak;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/**
 * Test fixtures through the registry's own API, with real tokens: the demo tenants, communities with unique
 * external ids, staff members for the demo users.
 */
public final class Registry {

    public static final String HORIZON = "radio-horizon";
    public static final String LUMEN = "maison-lumen";

    private Registry() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Keycloak.tokenFor(user)).contentType(ContentType.JSON);
    }

    /** Creates the two demo tenants if this test database does not have them yet. */
    public static void demoTenants() {
        for (String[] t : new String[][] {{HORIZON, "Radio Horizon", "Radio Horizon SAS"},
                {LUMEN, "Maison Lumen", "Maison Lumen Cosmétiques SA"}}) {
            int status = as("staff.admin").body("""
                    {"slug":"%s","name":"%s","legalName":"%s",
                     "contacts":[{"name":"Service juridique","email":"legal@%s.example","role":"legal"}]}"""
                    .formatted(t[0], t[1], t[2], t[0])).post("/tenants").statusCode();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("creating tenant " + t[0] + " answered " + status);
            }
        }
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid registration body; {@code tenant} may be null (tenant users). */
    public static String community(String tenant, String externalId) {
        return """
                {%s"name":"Radio Horizon — débats","platform":"FACEBOOK_PAGE","externalId":"%s",
                 "languages":["fr","en"],"timeZone":"Europe/Paris","moderationMode":"A_POSTERIORI",
                 "decisionSlaMinutes":30,"replySlaMinutes":120,
                 "coverage":{"mode":"OPENING_HOURS","hours":{"MONDAY":[{"from":"08:00","to":"12:00"},{"from":"14:00","to":"20:00"}],
                             "SATURDAY":[{"from":"10:00","to":"18:00"}]}},
                 "callbackUrl":"https://api.radio-horizon.example/vigie/decisions","callbackSecretRef":"horizon-callback"}"""
                .formatted(tenant == null ? "" : "\"tenant\":\"" + tenant + "\",", externalId);
    }

    /** Registers a community as {@code user} and returns the response (201 expected). */
    public static Response register(String user, String tenant, String externalId) {
        Response response = as(user).body(community(tenant, externalId)).post("/communities");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registering answered " + response.statusCode() + ": " + response.asString());
        }
        return response;
    }

    public static String subjectOf(String user) {
        return Keycloak.claims(Keycloak.tokenFor(user)).get("sub").asText();
    }

    /** The staff member for a demo user, created on first use; returns its id. */
    public static String staffFor(String user, String tenant, String... languages) {
        String subject = subjectOf(user);
        String langs = languages.length == 0 ? "\"fr\"" : "\"" + String.join("\",\"", languages) + "\"";
        Response created = as("staff.admin").body("""
                {"subject":"%s","displayName":"%s","email":"%s@demo.vigie.test",%s"languages":[%s]}"""
                .formatted(subject, user, user, tenant == null ? "" : "\"tenant\":\"" + tenant + "\",", langs))
                .post("/staff");
        if (created.statusCode() == 201) {
            return created.path("id");
        }
        return as("staff.admin").get("/staff").jsonPath()
                .getString("find { it.subject == '" + subject + "' }.id");
    }
}

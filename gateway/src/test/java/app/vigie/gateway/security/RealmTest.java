package app.vigie.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.vigie.platform.testing.Keycloak;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The realm in infra/keycloak/vigie-realm.json, as the running Keycloak serves it. */
class RealmTest {

    private static final List<String> TENANT_ROLES = List.of("client-admin", "moderator", "senior-moderator",
            "community-manager", "analyst", "auditor");

    private static List<String> vigieRoles(JsonNode claims) {
        return StreamSupport.stream(claims.path("realm_access").path("roles").spliterator(), false)
                .map(JsonNode::asText).filter(VigieRoles::isVigieRole).toList();
    }

    @Test
    void everyTenantDemoUserCarriesExactlyItsRoleAndItsTenant() {
        for (String[] tenant : new String[][] {{"horizon", "radio-horizon"}, {"lumen", "maison-lumen"}}) {
            for (String role : TENANT_ROLES) {
                JsonNode claims = Keycloak.claims(Keycloak.tokenFor(role + "." + tenant[0]));
                assertThat(vigieRoles(claims)).as(role + "." + tenant[0]).containsExactly(role);
                assertThat(claims.path("tenant").asText()).as(role + "." + tenant[0]).isEqualTo(tenant[1]);
                assertThat(claims.path("aud").toString()).contains("vigie-api");
            }
        }
    }

    @Test
    void theRightToPersonalDataIsHeldOnlyByTheLegalAuditor() {
        JsonNode legal = Keycloak.claims(Keycloak.tokenFor("auditor-legal.horizon"));
        assertThat(vigieRoles(legal)).containsExactlyInAnyOrder("auditor", "personal-data");
        assertThat(legal.path("tenant").asText()).isEqualTo("radio-horizon");
        assertThat(vigieRoles(Keycloak.claims(Keycloak.tokenFor("auditor.horizon")))).doesNotContain("personal-data");
        assertThat(vigieRoles(Keycloak.claims(Keycloak.tokenFor("staff.auditor")))).doesNotContain("personal-data");
    }

    @Test
    void platformStaffCarryTheirRoleAndNoTenant() {
        String[][] staff = {{"staff.admin", "platform-admin"}, {"staff.auditor", "auditor"},
                {"staff.moderator", "moderator"}, {"staff.senior", "senior-moderator"},
                {"staff.manager", "community-manager"}, {"staff.analyst", "analyst"}};
        List<String> seen = new ArrayList<>();
        for (String[] member : staff) {
            JsonNode claims = Keycloak.claims(Keycloak.tokenFor(member[0]));
            assertThat(vigieRoles(claims)).as(member[0]).containsExactly(member[1]);
            assertThat(claims.has("tenant")).as(member[0]).isFalse();
            seen.add(member[0]);
        }
        assertThat(seen).hasSize(6);
    }

    @Test
    void integrationClientsCarryTheirTenantAndServiceClientsNone() {
        JsonNode horizon = Keycloak.claims(Keycloak.clientToken("integration-radio-horizon"));
        assertThat(vigieRoles(horizon)).containsExactly("integration");
        assertThat(horizon.path("tenant").asText()).isEqualTo("radio-horizon");

        for (String service : List.of("vigie-registry", "vigie-intake", "vigie-moderation", "vigie-scheduling",
                "vigie-opinion", "vigie-gateway")) {
            JsonNode claims = Keycloak.claims(Keycloak.clientToken(service));
            assertThat(vigieRoles(claims)).as(service).containsExactly("service");
            assertThat(claims.has("tenant")).as(service).isFalse();
        }
    }
}

package app.vigie.gateway.security;

import java.util.Set;

/** The realm roles that mean something in Vigie (Keycloak adds its own defaults to tokens). */
final class VigieRoles {

    private static final Set<String> ROLES = Set.of("platform-admin", "client-admin", "moderator", "senior-moderator",
            "community-manager", "analyst", "auditor", "integration", "service", "personal-data");

    private VigieRoles() {
    }

    static boolean isVigieRole(String role) {
        return ROLES.contains(role);
    }
}

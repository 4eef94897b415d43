package app.vigie.platform.security;

/** The realm roles of Keycloak realm {@code vigie}, as used in {@code @RolesAllowed}. */
public final class Roles {

    private Roles() {
    }

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String CLIENT_ADMIN = "client-admin";
    public static final String MODERATOR = "moderator";
    public static final String SENIOR_MODERATOR = "senior-moderator";
    public static final String COMMUNITY_MANAGER = "community-manager";
    public static final String ANALYST = "analyst";
    public static final String AUDITOR = "auditor";
    /** Client systems pushing messages and receiving decisions. */
    public static final String INTEGRATION = "integration";
    /** Vigie's own services calling each other with client-credentials tokens. */
    public static final String SERVICE = "service";
    /** Not a job but a right, held with another role: to see authors' personal data in audit exports. */
    public static final String PERSONAL_DATA = "personal-data";
}

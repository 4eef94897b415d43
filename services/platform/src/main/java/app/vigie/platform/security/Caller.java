package app.vigie.platform.security;

import app.vigie.platform.problem.ProblemException;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read from the validated token: subject, realm roles and the {@code tenant} claim (the
 * client company). Callers without a tenant are platform staff (the agency, or Vigie's own services) and see
 * every tenant; callers with one see only their own. Tenant checks answer 404, never 403, so that another
 * company's ids are not even confirmed to exist.
 */
@RequestScoped
public class Caller {

    public static final String TENANT_CLAIM = "tenant";

    // These roles only make sense inside one client company: such a token without a tenant is misconfigured,
    // and treating it as platform staff would open every tenant to it.
    private static final Set<String> TENANT_BOUND_ROLES = Set.of(Roles.CLIENT_ADMIN, Roles.INTEGRATION);

    @Inject
    SecurityIdentity identity;

    private Optional<String> tenant; // read once per request: endpoints ask several times

    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** The display name for audit records: the preferred username when the token has one. */
    public String name() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object preferred = claim(jwt, "preferred_username");
            if (preferred != null) {
                return preferred.toString();
            }
        }
        return identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** The caller's client company, empty for platform staff. */
    public Optional<String> tenant() {
        if (tenant == null) {
            tenant = readTenant();
        }
        return tenant;
    }

    private Optional<String> readTenant() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object claim = claim(jwt, TENANT_CLAIM);
        String value = claim == null ? null : claim.toString().strip();
        if (value == null || value.isEmpty()) {
            if (TENANT_BOUND_ROLES.stream().anyMatch(identity::hasRole)) {
                throw ProblemException.forbidden("the token carries a tenant-bound role but no tenant claim");
            }
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * A claim of the token. {@code JsonWebToken.getClaim(String)} first looks the name up among the standard claims
     * with {@code Enum.valueOf}, which throws for ours ({@code tenant}) and fills a stack trace as deep as the
     * reactive call chain: about 1.5 % of intake's CPU. Quarkus OIDC's principal gives the parsed claims directly.
     */
    private static Object claim(JsonWebToken jwt, String name) {
        if (jwt instanceof OidcJwtCallerPrincipal oidc) {
            return oidc.getClaims().getClaimValue(name);
        }
        return jwt.getClaim(name);
    }

    public boolean isPlatformStaff() {
        return !identity.isAnonymous() && tenant().isEmpty();
    }

    /** The tenant to filter queries by: empty means all tenants (platform staff). */
    public Optional<String> tenantScope() {
        return tenant();
    }

    /** Whether a resource of {@code resourceTenant} is visible to the caller. */
    public boolean canSee(String resourceTenant) {
        return tenant().map(own -> own.equals(resourceTenant)).orElse(true);
    }

    /**
     * Refuses, as 404 {@code what not found}, a resource of another tenant. Call it after loading the resource
     * by id and before revealing anything about it.
     */
    public void requireVisible(String resourceTenant, String what) {
        if (!canSee(resourceTenant)) {
            throw ProblemException.notFound(what);
        }
    }

    /**
     * The tenant a new resource belongs to: the caller's own, or for platform staff the one they name. A tenant
     * user naming another tenant is refused as 404 (the other tenant does not exist for them).
     */
    public String tenantForWrite(String requested) {
        Optional<String> own = tenant();
        if (own.isPresent()) {
            if (requested != null && !requested.equals(own.get())) {
                throw ProblemException.notFound("tenant " + requested);
            }
            return own.get();
        }
        if (requested == null || requested.isBlank()) {
            throw ProblemException.invalid("body.tenant", "platform staff must name the tenant");
        }
        return requested;
    }

    /**
     * The tenant to read for a listing that may name one: a tenant user reads their own (naming another is 404, as
     * if it did not exist); platform staff read the one named, or all (empty).
     */
    public Optional<String> tenantToRead(String requested) {
        String named = requested == null || requested.isBlank() ? null : requested.strip();
        Optional<String> own = tenant();
        if (own.isPresent()) {
            if (named != null && !named.equals(own.get())) {
                throw ProblemException.notFound("tenant " + named);
            }
            return own;
        }
        return Optional.ofNullable(named);
    }
}

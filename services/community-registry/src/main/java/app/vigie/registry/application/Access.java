package app.vigie.registry.application;

import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.security.Caller;
import app.vigie.platform.security.Roles;
import app.vigie.registry.infrastructure.AssignmentQueries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may see and change what in the registry. Platform admins and Vigie's services see everything; client
 * admins, auditors, analysts and integration clients see their tenant; moderators, senior moderators and
 * community managers see only the communities they are assigned to. What a caller may not see answers 404.
 */
@RequestScoped
public class Access {

    @Inject
    Caller caller;
    @Inject
    AssignmentQueries assignments;

    /** Whether the caller reads every community of its tenant (or of all tenants, without one). */
    public boolean readsWholeTenant() {
        return caller.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SERVICE, Roles.CLIENT_ADMIN, Roles.AUDITOR, Roles.ANALYST,
                Roles.INTEGRATION);
    }

    /** The tenant to restrict listings to; empty for callers who see all tenants. */
    public Optional<String> tenantScope() {
        return caller.tenantScope();
    }

    /** For moderators and community managers: only the communities they are assigned to. */
    public Optional<String> assignedOnlySubject() {
        return readsWholeTenant() ? Optional.empty() : Optional.of(caller.subject());
    }

    public Uni<Void> requireReadable(String tenant, UUID communityId) {
        if (!caller.canSee(tenant)) {
            return Uni.createFrom().failure(ProblemException.notFound("community " + communityId));
        }
        if (readsWholeTenant()) {
            return Uni.createFrom().voidItem();
        }
        return assignments.isAssigned(caller.subject(), communityId).map(assigned -> {
            if (!assigned) {
                throw ProblemException.notFound("community " + communityId);
            }
            return null;
        });
    }

    /** Changes to a tenant's communities, policies, staff and teams: platform admins, and that tenant's admins. */
    public void requireManage(String tenant, String what) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            return;
        }
        if (!caller.hasRole(Roles.CLIENT_ADMIN)) {
            throw ProblemException.forbidden("only platform and client admins change " + what);
        }
        if (!caller.canSee(tenant)) {
            throw ProblemException.notFound(what);
        }
        if (tenant == null) {
            throw ProblemException.forbidden("only platform admins manage agency staff and teams");
        }
    }

    public String tenantForWrite(String requested) {
        return caller.tenantForWrite(requested);
    }

    public String actor() {
        return caller.name();
    }

    public String subject() {
        return caller.subject();
    }

    public boolean canSee(String tenant) {
        return caller.canSee(tenant);
    }

    public boolean isPlatformAdmin() {
        return caller.hasRole(Roles.PLATFORM_ADMIN);
    }
}

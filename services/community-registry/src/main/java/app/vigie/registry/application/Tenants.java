package app.vigie.registry.application;

import app.vigie.platform.http.ETags;
import app.vigie.platform.id.UuidV7;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.security.Caller;
import app.vigie.platform.security.Roles;
import app.vigie.registry.api.TenantDtos;
import app.vigie.registry.infrastructure.ClientCompanyEntity;
import app.vigie.registry.infrastructure.CommunityEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** Client companies: created and suspended by platform admins; their admins keep names and contacts current. */
@ApplicationScoped
public class Tenants {

    @Inject
    Caller caller;
    @Inject
    CommunityEvents events;
    @Inject
    Clock clock;

    @WithTransaction
    public Uni<ClientCompanyEntity> create(TenantDtos.Create request) {
        ClientCompanyEntity tenant = new ClientCompanyEntity();
        tenant.id = UuidV7.generate(clock);
        tenant.slug = request.slug();
        tenant.name = request.name().strip();
        tenant.legalName = request.legalName().strip();
        tenant.contacts = request.contacts() == null ? List.of() : List.copyOf(request.contacts());
        tenant.status = "ACTIVE";
        tenant.createdAt = clock.instant();
        tenant.updatedAt = tenant.createdAt;
        return ClientCompanyEntity.count("slug", tenant.slug).chain(existing -> {
            if (existing > 0) {
                throw ProblemException.conflict("body.slug", "a client company already has the slug " + tenant.slug);
            }
            return tenant.<ClientCompanyEntity>persistAndFlush();
        });
    }

    @WithTransaction
    public Uni<ClientCompanyEntity> update(String slug, String ifMatch, TenantDtos.Update request) {
        return visible(slug).chain(tenant -> {
            if (!caller.hasRole(Roles.PLATFORM_ADMIN) && !caller.hasRole(Roles.CLIENT_ADMIN)) {
                throw ProblemException.forbidden("only platform and client admins change a client company");
            }
            ETags.requireMatch(ifMatch, tenant.version);
            boolean legalNameChanged = !tenant.legalName.equals(request.legalName().strip());
            tenant.name = request.name().strip();
            tenant.legalName = request.legalName().strip();
            tenant.contacts = request.contacts() == null ? List.of() : List.copyOf(request.contacts());
            tenant.updatedAt = clock.instant();
            return tenant.<ClientCompanyEntity>persistAndFlush()
                    // the legal name travels in every community snapshot (DSA statements name the provider)
                    .call(saved -> legalNameChanged ? communitiesOf(saved.slug).chain(events::republish)
                            : Uni.createFrom().voidItem());
        });
    }

    @WithTransaction
    public Uni<ClientCompanyEntity> changeStatus(String slug, String ifMatch, String status) {
        return visible(slug).chain(tenant -> {
            ETags.requireMatch(ifMatch, tenant.version);
            if (tenant.status.equals(status)) {
                throw ProblemException.conflict("client company " + slug + " is already " + status.toLowerCase());
            }
            tenant.status = status;
            tenant.updatedAt = clock.instant();
            return tenant.persistAndFlush();
        });
    }

    @WithSession
    public Uni<ClientCompanyEntity> get(String slug) {
        return visible(slug);
    }

    @WithSession
    public Uni<List<ClientCompanyEntity>> list() {
        return caller.tenant()
                .map(own -> ClientCompanyEntity.<ClientCompanyEntity>list("slug", own))
                .orElseGet(() -> ClientCompanyEntity.list("order by slug"));
    }

    private Uni<ClientCompanyEntity> visible(String slug) {
        if (!caller.canSee(slug)) {
            return Uni.createFrom().failure(ProblemException.notFound("client company " + slug));
        }
        return ClientCompanyEntity.<ClientCompanyEntity>find("slug", slug).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("client company " + slug));
    }

    private static Uni<List<java.util.UUID>> communitiesOf(String slug) {
        return CommunityEntity.<CommunityEntity>list("tenant = ?1 and status = 'ACTIVE'", slug)
                .map(list -> list.stream().map(c -> c.id).toList());
    }

}

package app.vigie.registry.application;

import app.vigie.contracts.community.CommunitySnapshot;
import app.vigie.platform.outbox.Outbox;
import app.vigie.registry.infrastructure.AssignmentQueries;
import app.vigie.registry.infrastructure.ClientCompanyEntity;
import app.vigie.registry.infrastructure.CommunityEntity;
import app.vigie.registry.infrastructure.PolicyEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * Publishes a community's whole state (policy in force and the people assigned included) through the outbox, in
 * the transaction of the change. Every change that alters what another service copies goes through here.
 */
@ApplicationScoped
public class CommunityEvents {

    @Inject
    Outbox outbox;
    @Inject
    AssignmentQueries assignments;
    @Inject
    java.time.Clock clock;

    public Uni<Void> publish(String type, CommunityEntity community) {
        return ClientCompanyEntity.<ClientCompanyEntity>find("slug", community.tenant).firstResult()
                .chain(tenant -> PolicyEntity.<PolicyEntity>findById(new PolicyEntity.Key(community.id, community.policyVersion))
                        .chain(policy -> assignments.staffOf(community.id)
                                .chain(staff -> outbox.append(type, CommunitySnapshot.VERSION, community.tenant,
                                        snapshot(community, tenant, policy, staff)))))
                .replaceWithVoid();
    }

    /** Republishes {@code community.updated} for each community, e.g. after a team they use changed. */
    public Uni<Void> republish(List<UUID> communityIds) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID id : communityIds) {
            chain = chain.chain(() -> CommunityEntity.<CommunityEntity>findById(id)
                    .chain(community -> community == null || "ARCHIVED".equals(community.status)
                            ? Uni.createFrom().voidItem()
                            : touch(community).chain(() -> publish(app.vigie.contracts.EventTypes.COMMUNITY_UPDATED, community))));
        }
        return chain;
    }

    /**
     * Publishes every community's current snapshot again, unchanged (same revision): a consumer that joined late
     * or lost its copy rebuilds it; consumers that are up to date ignore them. Returns how many were published.
     */
    public Uni<Integer> resync() {
        return CommunityEntity.<CommunityEntity>list("order by id").chain(all -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (CommunityEntity community : all) {
                String type = "ARCHIVED".equals(community.status) ? app.vigie.contracts.EventTypes.COMMUNITY_ARCHIVED
                        : app.vigie.contracts.EventTypes.COMMUNITY_UPDATED;
                chain = chain.chain(() -> publish(type, community));
            }
            return chain.replaceWith(all.size());
        });
    }

    // A snapshot's revision is the community's version: bump it so consumers see the new snapshot as newer.
    private Uni<Void> touch(CommunityEntity community) {
        community.updatedAt = clock.instant();
        return community.persistAndFlush().replaceWithVoid();
    }

    private static CommunitySnapshot snapshot(CommunityEntity c, ClientCompanyEntity tenant, PolicyEntity p,
                                              List<CommunitySnapshot.AssignedStaff> staff) {
        return new CommunitySnapshot(c.id, c.version, c.tenant, tenant == null ? null : tenant.legalName, c.name,
                c.platform, c.externalId, c.languages, c.timeZone, c.moderationMode, c.decisionSlaMinutes,
                c.replySlaMinutes, c.coverage, c.callbackUrl, c.callbackSecretRef, c.webhookVerifyTokenRef, c.status,
                new CommunitySnapshot.Policy(p.version, p.forbiddenCategories, p.blockedTerms, p.allowedTerms,
                        p.autoHideThreshold.doubleValue(), p.seniorCategories, p.houseRulesText, p.houseRulesUrl,
                        p.autoApproveBelow == null ? null : p.autoApproveBelow.doubleValue()),
                staff, c.updatedAt);
    }
}

package app.vigie.registry.application;

import app.vigie.contracts.EventTypes;
import app.vigie.contracts.community.Category;
import app.vigie.contracts.community.Platform;
import app.vigie.platform.http.ETags;
import app.vigie.platform.id.UuidV7;
import app.vigie.platform.paging.Cursor;
import app.vigie.platform.paging.Page;
import app.vigie.platform.paging.PageRequest;
import app.vigie.platform.problem.ProblemException;
import app.vigie.registry.api.CommunityDtos;
import app.vigie.registry.domain.CommunityRules;
import app.vigie.registry.domain.Languages;
import app.vigie.registry.domain.PolicyRules;
import app.vigie.registry.infrastructure.ClientCompanyEntity;
import app.vigie.registry.infrastructure.CommunityEntity;
import app.vigie.registry.infrastructure.CommunityListing;
import app.vigie.registry.infrastructure.PolicyEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Registering, changing, archiving and reading communities and their policy versions. */
@ApplicationScoped
public class Communities {

    /** The policy a community gets when it is registered without one. */
    static final CommunityDtos.PolicyRequest DEFAULT_POLICY = new CommunityDtos.PolicyRequest(
            EnumSet.of(Category.INSULT, Category.HATE, Category.THREAT, Category.HARASSMENT, Category.SEXUAL,
                    Category.VIOLENCE, Category.SPAM, Category.SCAM, Category.PERSONAL_DATA, Category.ILLEGAL_OTHER),
            Map.of(), Map.of(), new BigDecimal("0.900"), EnumSet.of(Category.THREAT, Category.ILLEGAL_OTHER), null, null,
            null);

    @Inject
    Access access;
    @Inject
    CommunityEvents events;
    @Inject
    CommunityListing listing;
    @Inject
    Clock clock;

    /** Filters of a listing; null means no filter. */
    public record Filter(String tenant, Platform platform, String language, String status, String text) {
    }

    @WithTransaction
    public Uni<CommunityEntity> register(CommunityDtos.Request request) {
        String tenant = access.tenantForWrite(request.tenant());
        access.requireManage(tenant, "tenant " + tenant);
        CommunityEntity community = new CommunityEntity();
        community.id = UuidV7.generate(clock);
        community.tenant = tenant;
        community.createdAt = clock.instant();
        community.updatedAt = community.createdAt;
        community.status = "ACTIVE";
        community.policyVersion = 1;
        apply(community, request);
        PolicyEntity policy = policy(community.id, 1, request.policy() == null ? DEFAULT_POLICY : request.policy(),
                community.languages, "body.policy");
        return activeTenant(tenant)
                .chain(() -> requireFreeExternalId(community.platform, community.externalId, null))
                .chain(() -> community.persist())
                .chain(() -> policy.persist())
                .chain(() -> community.<CommunityEntity>persistAndFlush())
                .call(saved -> events.publish(EventTypes.COMMUNITY_REGISTERED, saved));
    }

    @WithTransaction
    public Uni<CommunityEntity> update(UUID id, String ifMatch, CommunityDtos.Request request) {
        return managed(id).chain(community -> {
            ETags.requireMatch(ifMatch, community.version);
            requireActive(community);
            if (request.tenant() != null && !request.tenant().equals(community.tenant)) {
                throw ProblemException.conflict("body.tenant", "a community cannot move to another tenant");
            }
            if (request.policy() != null) {
                throw ProblemException.invalid("body.policy", "change the policy with PUT /communities/{id}/policy");
            }
            apply(community, request);
            community.updatedAt = clock.instant();
            return requireFreeExternalId(community.platform, community.externalId, community.id)
                    .chain(() -> community.<CommunityEntity>persistAndFlush())
                    .call(saved -> events.publish(EventTypes.COMMUNITY_UPDATED, saved));
        });
    }

    @WithTransaction
    public Uni<CommunityEntity> archive(UUID id, String ifMatch) {
        return managed(id).chain(community -> {
            ETags.requireMatch(ifMatch, community.version);
            requireActive(community);
            community.status = "ARCHIVED";
            community.updatedAt = clock.instant();
            return community.<CommunityEntity>persistAndFlush()
                    .call(saved -> events.publish(EventTypes.COMMUNITY_ARCHIVED, saved));
        });
    }

    @WithTransaction
    public Uni<PolicyEntity> changePolicy(UUID id, String ifMatch, CommunityDtos.PolicyRequest request) {
        return managed(id).chain(community -> {
            ETags.requireMatch(ifMatch, community.policyVersion);
            requireActive(community);
            PolicyEntity policy = policy(community.id, community.policyVersion + 1, request, community.languages, "body");
            community.policyVersion = policy.version;
            community.updatedAt = clock.instant();
            return policy.persist()
                    .chain(() -> community.<CommunityEntity>persistAndFlush())
                    .call(saved -> events.publish(EventTypes.COMMUNITY_UPDATED, saved))
                    .replaceWith(policy);
        });
    }

    /** Republishes every community's snapshot (see {@link CommunityEvents#resync()}). */
    @WithTransaction
    public Uni<Integer> resync() {
        return events.resync();
    }

    @WithSession
    public Uni<CommunityEntity> get(UUID id) {
        return find(id).call(c -> access.requireReadable(c.tenant, c.id));
    }

    @WithSession
    public Uni<CommunityEntity> lookup(Platform platform, String externalId) {
        return CommunityEntity.<CommunityEntity>find("platform = ?1 and externalId = ?2", platform, externalId)
                .firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("community " + platform + "/" + externalId))
                .call(c -> access.requireReadable(c.tenant, c.id)
                        .onFailure().transform(e -> ProblemException.notFound("community " + platform + "/" + externalId)));
    }

    @WithSession
    public Uni<Page<CommunityEntity>> list(Filter filter, PageRequest page) {
        if (filter.language() != null && !Languages.isCode(filter.language())) {
            throw ProblemException.invalid("query.language", "not an ISO 639-1 language code");
        }
        if (filter.status() != null && !List.of("ACTIVE", "ARCHIVED").contains(filter.status())) {
            throw ProblemException.invalid("query.status", "must be ACTIVE or ARCHIVED");
        }
        String tenant = access.tenantScope().orElse(filter.tenant());
        if (filter.tenant() != null && !access.canSee(filter.tenant())) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        return listing.list(new CommunityListing.Query(tenant, filter.platform(), filter.language(), filter.status(),
                        filter.text(), access.assignedOnlySubject().orElse(null)), page)
                .map(rows -> Page.from(rows, page, c -> Cursor.of(c.id)));
    }

    /** The communities the caller works on (directly or through a team), whatever their roles. */
    @WithSession
    public Uni<Page<CommunityEntity>> assignedToCaller(PageRequest page) {
        return listing.list(new CommunityListing.Query(null, null, null, "ACTIVE", null, access.subject()), page)
                .map(rows -> Page.from(rows, page, c -> Cursor.of(c.id)));
    }

    @WithSession
    public Uni<PolicyEntity> policy(UUID id, Integer version) {
        return get(id).chain(c -> PolicyEntity.<PolicyEntity>findById(
                        new PolicyEntity.Key(c.id, version == null ? c.policyVersion : version)))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("policy version " + version + " of community " + id));
    }

    @WithSession
    public Uni<List<PolicyEntity>> policyVersions(UUID id) {
        return get(id).chain(c -> PolicyEntity.<PolicyEntity>list("communityId = ?1 order by version desc", c.id));
    }

    private Uni<CommunityEntity> find(UUID id) {
        return CommunityEntity.<CommunityEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("community " + id));
    }

    /** A community the caller may change: 404 when it cannot even see it, 403 when it may only read it. */
    private Uni<CommunityEntity> managed(UUID id) {
        return find(id).call(c -> access.requireReadable(c.tenant, c.id)).invoke(c -> access.requireManage(c.tenant, "community " + id));
    }

    private static void requireActive(CommunityEntity community) {
        if ("ARCHIVED".equals(community.status)) {
            throw ProblemException.conflict("community " + community.id + " is archived");
        }
    }

    private static Uni<Void> activeTenant(String slug) {
        return ClientCompanyEntity.<ClientCompanyEntity>find("slug", slug).firstResult().map(tenant -> {
            if (tenant == null) {
                throw ProblemException.invalid("body.tenant", "no client company " + slug);
            }
            if (!"ACTIVE".equals(tenant.status)) {
                throw ProblemException.conflict("body.tenant", "client company " + slug + " is suspended");
            }
            return null;
        });
    }

    private static Uni<Void> requireFreeExternalId(Platform platform, String externalId, UUID self) {
        return CommunityEntity.<CommunityEntity>find("platform = ?1 and externalId = ?2", platform, externalId).firstResult()
                .map(existing -> {
                    if (existing != null && !existing.id.equals(self)) {
                        throw ProblemException.conflict("body.externalId",
                                "another community is already registered for " + platform + " " + externalId);
                    }
                    return null;
                });
    }

    private static void apply(CommunityEntity c, CommunityDtos.Request r) {
        c.name = r.name().strip();
        c.platform = r.platform();
        c.externalId = r.externalId().strip();
        c.languages = Languages.require(r.languages(), "body.languages");
        c.timeZone = CommunityRules.timeZone(r.timeZone(), "body.timeZone");
        c.moderationMode = r.moderationMode();
        c.decisionSlaMinutes = r.decisionSlaMinutes();
        c.replySlaMinutes = r.replySlaMinutes();
        c.coverage = CommunityRules.coverage(r.coverage(), "body.coverage");
        c.callbackUrl = CommunityRules.url(r.callbackUrl(), "body.callbackUrl");
        c.callbackSecretRef = r.callbackSecretRef();
        c.webhookVerifyTokenRef = r.webhookVerifyTokenRef();
    }

    private PolicyEntity policy(UUID communityId, int version, CommunityDtos.PolicyRequest r, List<String> languages,
                                String field) {
        PolicyEntity p = new PolicyEntity();
        p.communityId = communityId;
        p.version = version;
        p.forbiddenCategories = r.forbiddenCategories().isEmpty() ? EnumSet.noneOf(Category.class)
                : EnumSet.copyOf(r.forbiddenCategories());
        p.blockedTerms = PolicyRules.terms(r.blockedTerms(), field + ".blockedTerms");
        p.allowedTerms = PolicyRules.terms(r.allowedTerms(), field + ".allowedTerms");
        p.autoHideThreshold = r.autoHideThreshold().setScale(3, java.math.RoundingMode.HALF_UP);
        p.autoApproveBelow = r.autoApproveBelow() == null ? null
                : r.autoApproveBelow().setScale(3, java.math.RoundingMode.HALF_UP);
        if (p.autoApproveBelow != null && p.autoApproveBelow.compareTo(p.autoHideThreshold) >= 0) {
            throw ProblemException.invalid(field + ".autoApproveBelow", "must be below autoHideThreshold");
        }
        p.seniorCategories = r.seniorCategories() == null || r.seniorCategories().isEmpty()
                ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(r.seniorCategories());
        p.houseRulesText = r.houseRulesText();
        p.houseRulesUrl = CommunityRules.url(r.houseRulesUrl(), field + ".houseRulesUrl");
        p.createdAt = clock.instant();
        p.createdBy = access.actor();
        return p;
    }
}

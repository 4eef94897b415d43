package app.vigie.registry.api;

import app.vigie.registry.infrastructure.AssignmentEntity;
import app.vigie.registry.infrastructure.ClientCompanyEntity;
import app.vigie.registry.infrastructure.CommunityEntity;
import app.vigie.registry.infrastructure.PolicyEntity;
import app.vigie.registry.infrastructure.StaffMemberEntity;
import app.vigie.registry.infrastructure.TeamEntity;
import java.util.List;
import java.util.UUID;

/** Entity → response shape, in one place. */
final class Views {

    private Views() {
    }

    static TenantDtos.View of(ClientCompanyEntity t) {
        return new TenantDtos.View(t.id, t.slug, t.name, t.legalName, t.status, t.contacts, t.version, t.createdAt,
                t.updatedAt);
    }

    static CommunityDtos.View of(CommunityEntity c) {
        return new CommunityDtos.View(c.id, c.tenant, c.name, c.platform, c.externalId, c.languages, c.timeZone,
                c.moderationMode, c.decisionSlaMinutes, c.replySlaMinutes, c.coverage, c.callbackUrl,
                c.callbackSecretRef, c.webhookVerifyTokenRef, c.status, c.policyVersion, c.version, c.createdAt,
                c.updatedAt);
    }

    static CommunityDtos.PolicyView of(PolicyEntity p) {
        return new CommunityDtos.PolicyView(p.communityId, p.version, p.forbiddenCategories, p.blockedTerms,
                p.allowedTerms, p.autoHideThreshold, p.seniorCategories, p.houseRulesText, p.houseRulesUrl,
                p.autoApproveBelow, p.createdAt, p.createdBy);
    }

    static StaffDtos.View of(StaffMemberEntity s) {
        return new StaffDtos.View(s.id, s.subject, s.displayName, s.email, s.tenant, s.languages, s.status, s.version,
                s.createdAt, s.updatedAt);
    }

    static StaffDtos.TeamView of(TeamEntity t, List<UUID> members) {
        return new StaffDtos.TeamView(t.id, t.tenant, t.name, members, t.status, t.version);
    }

    static StaffDtos.AssignmentView of(AssignmentEntity a) {
        return new StaffDtos.AssignmentView(a.id, a.communityId, a.staffId, a.teamId, a.role, a.createdAt, a.createdBy);
    }
}

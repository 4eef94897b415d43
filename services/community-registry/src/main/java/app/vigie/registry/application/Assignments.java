package app.vigie.registry.application;

import app.vigie.contracts.EventTypes;
import app.vigie.platform.id.UuidV7;
import app.vigie.platform.problem.ProblemException;
import app.vigie.registry.api.StaffDtos;
import app.vigie.registry.infrastructure.AssignmentEntity;
import app.vigie.registry.infrastructure.CommunityEntity;
import app.vigie.registry.infrastructure.StaffMemberEntity;
import app.vigie.registry.infrastructure.TeamEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Who works on a community, in which role. Ending an assignment keeps its row (who was assigned when); each
 * change republishes the community so that moderation and scheduling route work to the right people.
 */
@ApplicationScoped
public class Assignments {

    @Inject
    Access access;
    @Inject
    CommunityEvents events;
    @Inject
    Clock clock;

    @WithTransaction
    public Uni<AssignmentEntity> assign(UUID communityId, StaffDtos.AssignmentRequest request) {
        if ((request.staffId() == null) == (request.teamId() == null)) {
            throw ProblemException.invalid(request.staffId() == null ? "body.staffId" : "body.teamId",
                    "give exactly one of staffId and teamId");
        }
        return managedCommunity(communityId).chain(community -> assignee(community, request)
                .chain(() -> duplicate(communityId, request))
                .chain(() -> {
                    AssignmentEntity assignment = new AssignmentEntity();
                    assignment.id = UuidV7.generate(clock);
                    assignment.communityId = communityId;
                    assignment.staffId = request.staffId();
                    assignment.teamId = request.teamId();
                    assignment.role = request.role();
                    assignment.createdAt = clock.instant();
                    assignment.createdBy = access.actor();
                    return assignment.<AssignmentEntity>persistAndFlush();
                })
                .call(() -> events.republish(List.of(communityId))));
    }

    @WithTransaction
    public Uni<Void> end(UUID communityId, UUID assignmentId) {
        return managedCommunity(communityId)
                .<AssignmentEntity>chain(() -> AssignmentEntity.<AssignmentEntity>find("id = ?1 and communityId = ?2 and endedAt is null",
                        assignmentId, communityId).firstResult())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("assignment " + assignmentId))
                .chain(assignment -> {
                    assignment.endedAt = clock.instant();
                    assignment.endedBy = access.actor();
                    return assignment.persistAndFlush();
                })
                .chain(() -> events.republish(List.of(communityId)));
    }

    @WithSession
    public Uni<List<AssignmentEntity>> current(UUID communityId) {
        return CommunityEntity.<CommunityEntity>findById(communityId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("community " + communityId))
                .call(c -> access.requireReadable(c.tenant, c.id))
                .chain(() -> AssignmentEntity.<AssignmentEntity>list(
                        "communityId = ?1 and endedAt is null order by createdAt", communityId));
    }

    private Uni<CommunityEntity> managedCommunity(UUID id) {
        return CommunityEntity.<CommunityEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("community " + id))
                .call(c -> access.requireReadable(c.tenant, c.id))
                .invoke(c -> access.requireManage(c.tenant, "community " + id))
                .invoke(c -> {
                    if ("ARCHIVED".equals(c.status)) {
                        throw ProblemException.conflict("community " + id + " is archived");
                    }
                });
    }

    /** The person or team must exist, be active, and belong to the agency or to the community's company. */
    private Uni<Void> assignee(CommunityEntity community, StaffDtos.AssignmentRequest request) {
        if (request.staffId() != null) {
            return StaffMemberEntity.<StaffMemberEntity>findById(request.staffId()).map(staff -> {
                check(staff == null ? null : staff.tenant, staff != null && "ACTIVE".equals(staff.status),
                        staff != null, community, "body.staffId", "staff member " + request.staffId());
                return null;
            });
        }
        return TeamEntity.<TeamEntity>findById(request.teamId()).map(team -> {
            check(team == null ? null : team.tenant, team != null && "ACTIVE".equals(team.status), team != null,
                    community, "body.teamId", "team " + request.teamId());
            return null;
        });
    }

    private void check(String assigneeTenant, boolean active, boolean exists, CommunityEntity community, String field,
                       String what) {
        if (!exists || (assigneeTenant != null && !access.canSee(assigneeTenant))
                || (assigneeTenant == null && !access.isPlatformAdmin() && !access.canSee(null))) {
            throw ProblemException.invalid(field, "no " + what);
        }
        if (!active) {
            throw ProblemException.conflict(field, what + " is archived");
        }
        if (assigneeTenant != null && !assigneeTenant.equals(community.tenant)) {
            throw ProblemException.conflict(field, what + " belongs to another client company");
        }
    }

    private static Uni<Void> duplicate(UUID communityId, StaffDtos.AssignmentRequest request) {
        return AssignmentEntity.count("communityId = ?1 and endedAt is null and role = ?2 and "
                        + (request.staffId() != null ? "staffId = ?3" : "teamId = ?3"),
                communityId, request.role(), request.staffId() != null ? request.staffId() : request.teamId())
                .map(count -> {
                    if (count > 0) {
                        throw ProblemException.conflict("already assigned in this role");
                    }
                    return null;
                });
    }
}

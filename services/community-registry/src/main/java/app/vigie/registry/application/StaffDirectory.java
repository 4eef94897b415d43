package app.vigie.registry.application;

import app.vigie.platform.http.ETags;
import app.vigie.platform.id.UuidV7;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.security.Caller;
import app.vigie.registry.api.StaffDtos;
import app.vigie.registry.domain.Languages;
import app.vigie.registry.infrastructure.AssignmentQueries;
import app.vigie.registry.infrastructure.StaffMemberEntity;
import app.vigie.registry.infrastructure.TeamEntity;
import app.vigie.registry.infrastructure.TeamMemberEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * People (known by their Keycloak subject, with the languages they read) and teams. Platform admins manage
 * everyone, including the agency's own staff (no tenant); client admins manage their company's staff only.
 */
@ApplicationScoped
public class StaffDirectory {

    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    CommunityEvents events;
    @Inject
    AssignmentQueries assignments;
    @Inject
    Clock clock;

    @WithTransaction
    public Uni<StaffMemberEntity> add(StaffDtos.Request request) {
        String tenant = caller.tenant().orElse(request.tenant());
        if (caller.tenant().isPresent() && request.tenant() != null && !request.tenant().equals(tenant)) {
            throw ProblemException.notFound("tenant " + request.tenant());
        }
        access.requireManage(tenant, "staff");
        StaffMemberEntity staff = new StaffMemberEntity();
        staff.id = UuidV7.generate(clock);
        staff.subject = request.subject().strip();
        staff.tenant = tenant;
        staff.status = "ACTIVE";
        staff.createdAt = clock.instant();
        apply(staff, request);
        return StaffMemberEntity.count("subject", staff.subject).chain(existing -> {
            if (existing > 0) {
                throw ProblemException.conflict("body.subject", "this Keycloak subject is already a staff member");
            }
            return staff.<StaffMemberEntity>persistAndFlush();
        });
    }

    @WithTransaction
    public Uni<StaffMemberEntity> update(UUID id, String ifMatch, StaffDtos.Request request) {
        return managedStaff(id).chain(staff -> {
            ETags.requireMatch(ifMatch, staff.version);
            if (!staff.subject.equals(request.subject().strip())) {
                throw ProblemException.conflict("body.subject", "the Keycloak subject of a staff member cannot change");
            }
            if (request.tenant() != null && !request.tenant().equals(staff.tenant)) {
                throw ProblemException.conflict("body.tenant", "a staff member cannot move to another tenant");
            }
            apply(staff, request);
            return staff.<StaffMemberEntity>persistAndFlush()
                    .call(saved -> assignments.communitiesOfStaff(saved.id).chain(events::republish));
        });
    }

    @WithTransaction
    public Uni<StaffMemberEntity> archive(UUID id, String ifMatch) {
        return managedStaff(id).chain(staff -> {
            ETags.requireMatch(ifMatch, staff.version);
            if ("ARCHIVED".equals(staff.status)) {
                throw ProblemException.conflict("staff member " + id + " is already archived");
            }
            staff.status = "ARCHIVED";
            staff.updatedAt = clock.instant();
            return assignments.communitiesOfStaff(staff.id)
                    .call(() -> staff.persistAndFlush())
                    .call(events::republish)
                    .replaceWith(staff);
        });
    }

    @WithSession
    public Uni<StaffMemberEntity> getStaff(UUID id) {
        return visibleStaff(id);
    }

    /** Staff the caller may see, optionally only the one with a Keycloak subject. */
    @WithSession
    public Uni<List<StaffMemberEntity>> listStaff(String subject) {
        Uni<List<StaffMemberEntity>> all = caller.tenant()
                .map(own -> StaffMemberEntity.<StaffMemberEntity>list("tenant = ?1 order by displayName", own))
                .orElseGet(() -> StaffMemberEntity.list("order by displayName"));
        return subject == null ? all : all.map(list -> list.stream().filter(s -> s.subject.equals(subject)).toList());
    }

    @WithTransaction
    public Uni<TeamEntity> createTeam(StaffDtos.TeamRequest request) {
        String tenant = caller.tenant().orElse(request.tenant());
        if (caller.tenant().isPresent() && request.tenant() != null && !request.tenant().equals(tenant)) {
            throw ProblemException.notFound("tenant " + request.tenant());
        }
        access.requireManage(tenant, "teams");
        TeamEntity team = new TeamEntity();
        team.id = UuidV7.generate(clock);
        team.tenant = tenant;
        team.name = request.name().strip();
        team.status = "ACTIVE";
        team.createdAt = clock.instant();
        team.updatedAt = team.createdAt;
        return requireFreeTeamName(tenant, team.name, null)
                .chain(() -> team.persist())
                .chain(() -> replaceMembers(team, request.members()))
                .chain(() -> team.<TeamEntity>persistAndFlush());
    }

    @WithTransaction
    public Uni<TeamEntity> updateTeam(UUID id, String ifMatch, StaffDtos.TeamRequest request) {
        return managedTeam(id).chain(team -> {
            ETags.requireMatch(ifMatch, team.version);
            team.name = request.name().strip();
            team.updatedAt = clock.instant();
            return requireFreeTeamName(team.tenant, team.name, team.id)
                    .chain(() -> replaceMembers(team, request.members()))
                    .chain(() -> team.<TeamEntity>persistAndFlush())
                    .call(saved -> assignments.communitiesOfTeam(saved.id).chain(events::republish));
        });
    }

    /** Archiving a team takes its members off every community it was assigned to. */
    @WithTransaction
    public Uni<TeamEntity> archiveTeam(UUID id, String ifMatch) {
        return managedTeam(id).chain(team -> {
            ETags.requireMatch(ifMatch, team.version);
            if ("ARCHIVED".equals(team.status)) {
                throw ProblemException.conflict("team " + id + " is already archived");
            }
            team.status = "ARCHIVED";
            team.updatedAt = clock.instant();
            return assignments.communitiesOfTeam(team.id)
                    .call(() -> team.persistAndFlush())
                    .call(events::republish)
                    .replaceWith(team);
        });
    }

    @WithSession
    public Uni<TeamEntity> getTeam(UUID id) {
        return visibleTeam(id);
    }

    @WithSession
    public Uni<List<TeamEntity>> listTeams() {
        return caller.tenant()
                .map(own -> TeamEntity.<TeamEntity>list("tenant = ?1 order by name", own))
                .orElseGet(() -> TeamEntity.list("order by name"));
    }

    @WithSession
    public Uni<List<UUID>> members(UUID teamId) {
        return TeamMemberEntity.<TeamMemberEntity>list("teamId", teamId)
                .map(list -> list.stream().map(m -> m.staffId).sorted().toList());
    }

    private Uni<Void> replaceMembers(TeamEntity team, List<UUID> members) {
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(members));
        return StaffMemberEntity.<StaffMemberEntity>list("id in ?1", distinct).chain(found -> {
            for (int i = 0; i < distinct.size(); i++) {
                UUID wanted = distinct.get(i);
                StaffMemberEntity staff = found.stream().filter(s -> s.id.equals(wanted)).findFirst().orElse(null);
                if (staff == null || !caller.canSee(staff.tenant) && staff.tenant != null) {
                    throw ProblemException.invalid("body.members[" + i + "]", "no staff member " + wanted);
                }
                if (staff.tenant != null && !staff.tenant.equals(team.tenant)) {
                    throw ProblemException.invalid("body.members[" + i + "]", "belongs to another client company");
                }
            }
            return TeamMemberEntity.delete("teamId", team.id).chain(() -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (UUID staffId : distinct) {
                    TeamMemberEntity member = new TeamMemberEntity();
                    member.teamId = team.id;
                    member.staffId = staffId;
                    chain = chain.chain(() -> member.persist().replaceWithVoid());
                }
                return chain;
            });
        });
    }

    private static Uni<Void> requireFreeTeamName(String tenant, String name, UUID self) {
        return (tenant == null
                ? TeamEntity.<TeamEntity>list("tenant is null and lower(name) = ?1", name.toLowerCase())
                : TeamEntity.<TeamEntity>list("tenant = ?1 and lower(name) = ?2", tenant, name.toLowerCase()))
                .map(same -> {
                    if (same.stream().anyMatch(t -> !t.id.equals(self))) {
                        throw ProblemException.conflict("body.name", "a team of that name already exists");
                    }
                    return null;
                });
    }

    private Uni<StaffMemberEntity> visibleStaff(UUID id) {
        return StaffMemberEntity.<StaffMemberEntity>findById(id).map(staff -> {
            // agency staff (no tenant) are visible to platform staff only
            if (staff == null || (staff.tenant == null ? caller.tenant().isPresent() : !caller.canSee(staff.tenant))) {
                throw ProblemException.notFound("staff member " + id);
            }
            return staff;
        });
    }

    private Uni<StaffMemberEntity> managedStaff(UUID id) {
        return visibleStaff(id).invoke(staff -> access.requireManage(staff.tenant, "staff member " + id));
    }

    private Uni<TeamEntity> visibleTeam(UUID id) {
        return TeamEntity.<TeamEntity>findById(id).map(team -> {
            if (team == null || (team.tenant == null ? caller.tenant().isPresent() : !caller.canSee(team.tenant))) {
                throw ProblemException.notFound("team " + id);
            }
            return team;
        });
    }

    private Uni<TeamEntity> managedTeam(UUID id) {
        return visibleTeam(id).invoke(team -> access.requireManage(team.tenant, "team " + id));
    }

    private void apply(StaffMemberEntity staff, StaffDtos.Request request) {
        staff.displayName = request.displayName().strip();
        staff.email = request.email();
        staff.languages = Languages.require(request.languages(), "body.languages");
        staff.updatedAt = clock.instant();
    }

}

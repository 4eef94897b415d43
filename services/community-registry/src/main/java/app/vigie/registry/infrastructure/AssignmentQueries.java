package app.vigie.registry.infrastructure;

import app.vigie.contracts.community.CommunitySnapshot.AssignedStaff;
import app.vigie.contracts.community.StaffRole;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Queries over assignments that look through teams to the people in them. */
@ApplicationScoped
public class AssignmentQueries {

    /** Communities a person works on, directly or through an active team; active assignments only. */
    static final String ASSIGNED_COMMUNITIES = """
            select a.community_id from assignment a
              join staff_member s on s.subject = :subject and s.status = 'ACTIVE'
             where a.ended_at is null
               and (a.staff_id = s.id
                    or a.team_id in (select m.team_id from team_member m join team t on t.id = m.team_id
                                      where m.staff_id = s.id and t.status = 'ACTIVE'))""";

    public Uni<Boolean> isAssigned(String subject, UUID communityId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select count(*) from (" + ASSIGNED_COMMUNITIES + ") x where x.community_id = :community", Long.class)
                .setParameter("subject", subject)
                .setParameter("community", communityId)
                .getSingleResult())
                .map(count -> count > 0);
    }

    /** The people working on a community now, with the team they come through (if any). */
    public Uni<List<AssignedStaff>> staffOf(UUID communityId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select s.subject, s.display_name, a.role, s.languages, cast(null as uuid) as via_team
                          from assignment a join staff_member s on s.id = a.staff_id
                         where a.community_id = :community and a.ended_at is null and s.status = 'ACTIVE'
                        union all
                        select s.subject, s.display_name, a.role, s.languages, a.team_id
                          from assignment a
                          join team t on t.id = a.team_id and t.status = 'ACTIVE'
                          join team_member m on m.team_id = a.team_id
                          join staff_member s on s.id = m.staff_id and s.status = 'ACTIVE'
                         where a.community_id = :community and a.ended_at is null
                         order by 1, 3""", Object[].class)
                .setParameter("community", communityId)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new AssignedStaff(
                        (String) row[0], (String) row[1], StaffRole.valueOf((String) row[2]),
                        row[3] == null || ((String) row[3]).isEmpty() ? List.of() : Arrays.asList(((String) row[3]).split(",")),
                        (UUID) row[4])).toList());
    }

    /** Active communities that a team or a person is assigned to (their snapshots change with them). */
    public Uni<List<UUID>> communitiesOfTeam(UUID teamId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select distinct community_id from assignment where team_id = :team and ended_at is null", UUID.class)
                .setParameter("team", teamId).getResultList());
    }

    public Uni<List<UUID>> communitiesOfStaff(UUID staffId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select distinct community_id from assignment
                         where ended_at is null
                           and (staff_id = :staff or team_id in (select team_id from team_member where staff_id = :staff))""",
                        UUID.class)
                .setParameter("staff", staffId).getResultList());
    }
}

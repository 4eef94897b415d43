package app.vigie.scheduling.application;

import app.vigie.contracts.community.StaffRole;
import app.vigie.contracts.moderation.CaseNeedsReply;
import app.vigie.contracts.opinion.AlertRaised;
import app.vigie.platform.id.UuidV7;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.security.Caller;
import app.vigie.platform.security.Roles;
import app.vigie.scheduling.domain.WebAddress;
import app.vigie.scheduling.infrastructure.CommunityCopies;
import app.vigie.scheduling.infrastructure.CommunityCopyEntity;
import app.vigie.scheduling.infrastructure.TaskEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Replies community management owes: each task has a deadline from the community's reply SLA, counted 24/7 or in
 * its opening hours as it promises, and is worked by a community manager on shift who reads its language
 * ({@link TaskJobs} assigns, reassigns at shift end and reports what is overdue).
 */
@ApplicationScoped
public class Tasks {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";

    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** A task asked for by hand. */
    public record Request(UUID communityId, String language, String note, UUID messageId) {
    }

    /** The reply given. */
    public record Reply(String text, String link) {
    }

    /**
     * A task from moderation's request, in the caller's transaction (the consumer's, with its record of the event).
     * Idempotent: the same case asked twice is one task.
     */
    public Uni<TaskEntity> fromCase(CaseNeedsReply request) {
        return oneAtATime("CASE", request.caseId().toString())
                .chain(() -> TaskEntity.<TaskEntity>find("source = 'CASE' and sourceId = ?1", request.caseId().toString())
                        .<TaskEntity>firstResult())
                .chain(existing -> existing != null ? Uni.createFrom().item(existing)
                        : CommunityCopyEntity.<CommunityCopyEntity>findById(request.communityId()).chain(community -> {
                            if (community == null || !community.tenant.equals(request.tenant())) {
                                throw new IllegalStateException("case.needs-reply for community " + request.communityId()
                                        + ", which scheduling does not know (yet) for " + request.tenant());
                            }
                            return create(community, "CASE", request.caseId().toString(), request.messageId(),
                                    request.language(), request.note(), request.requestedBy(), request.requestedAt());
                        }));
    }

    /**
     * A task from an opinion-watch alert, for the community where the client answers (an alert naming none is for
     * the client's people, not a public reply: no task). Raised again, same alert: the same task.
     */
    public Uni<TaskEntity> fromAlert(AlertRaised alert) {
        if (alert.communityId() == null) {
            return Uni.createFrom().nullItem();
        }
        return oneAtATime("ALERT", alert.alertId().toString())
                .chain(() -> TaskEntity.<TaskEntity>find("source = 'ALERT' and sourceId = ?1", alert.alertId().toString())
                        .<TaskEntity>firstResult())
                .chain(existing -> existing != null ? Uni.createFrom().item(existing)
                        : CommunityCopyEntity.<CommunityCopyEntity>findById(alert.communityId()).chain(community -> {
                            if (community == null || !community.tenant.equals(alert.tenant())) {
                                throw new IllegalStateException("alert.raised for community " + alert.communityId()
                                        + ", which scheduling does not know (yet) for " + alert.tenant());
                            }
                            return create(community, "ALERT", alert.alertId().toString(), null, alert.language(),
                                    alert.severity() + ": " + alert.summary(), "opinion-watch", alert.raisedAt());
                        }));
    }

    @WithTransaction
    public Uni<TaskEntity> byHand(Request request) {
        return CommunityCopyEntity.<CommunityCopyEntity>findById(request.communityId()).chain(community -> {
            if (community == null || !caller.canSee(community.tenant)) {
                throw ProblemException.notFound("community " + request.communityId());
            }
            if (request.language() != null && !List.of(community.languages.split(",")).contains(request.language())) {
                throw ProblemException.invalid("body.language", "is not a language of the community ("
                        + community.languages + ")");
            }
            UUID id = UuidV7.generate();
            return create(community, "MANUAL", id.toString(), request.messageId(), request.language(), request.note(),
                    caller.subject(), clock.instant());
        });
    }

    /**
     * Serialises the requests about one source item (two deliveries of different events for the same case, handled
     * at once): the second then finds the first's task instead of failing on the unique key and being dead-lettered.
     */
    private static Uni<Void> oneAtATime(String source, String sourceId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select cast(pg_advisory_xact_lock(hashtext(:key)) as text)")
                .setParameter("key", "task:" + source + ":" + sourceId).getSingleResultOrNull()).replaceWithVoid();
    }

    private Uni<TaskEntity> create(CommunityCopyEntity community, String source, String sourceId, UUID messageId,
                                   String language, String note, String requestedBy, Instant requestedAt) {
        TaskEntity task = new TaskEntity();
        task.id = UuidV7.generate();
        task.tenant = community.tenant;
        task.communityId = community.id;
        task.source = source;
        task.sourceId = sourceId;
        task.messageId = messageId;
        task.language = language != null ? language : community.languages.split(",")[0];
        task.note = note;
        task.requestedBy = requestedBy;
        task.requestedAt = requestedAt;
        task.deadline = CommunityCopies.promise(community).deadline(requestedAt,
                Duration.ofMinutes(community.replySlaMinutes));
        task.state = OPEN;
        task.createdAt = clock.instant();
        return task.persist().replaceWith(task);
    }

    @WithSession
    public Uni<TaskEntity> get(UUID id) {
        return visible(id);
    }

    /** Open (or done) tasks by deadline: of a community, of the caller ({@code mine}), of the caller's company. */
    @WithSession
    public Uni<List<TaskEntity>> list(String state, Optional<UUID> communityId, boolean mine, String tenant) {
        Optional<String> scope = caller.tenantToRead(tenant);
        StringBuilder query = new StringBuilder("state = :state");
        Parameters parameters = Parameters.with("state", state == null ? OPEN : state);
        Narrowing.to(query, parameters, scope, communityId);
        if (mine) {
            query.append(" and assignee = :me");
            parameters.and("me", caller.subject());
        }
        return TaskEntity.<TaskEntity>find(query + " order by deadline, id", parameters).range(0, 499).list();
    }

    /** Done, with the reply as given and where it was posted: by whoever holds it, or the community's managers. */
    @WithTransaction
    public Uni<TaskEntity> done(UUID id, Reply reply) {
        if (reply.link() != null && !WebAddress.isValid(reply.link())) {
            throw ProblemException.invalid("body.link", "must be an absolute http or https address");
        }
        return visible(id).chain(task -> CommunityCopyEntity.<CommunityCopyEntity>findById(task.communityId).map(community -> {
            if (DONE.equals(task.state)) {
                throw ProblemException.conflict("the task was done already, by " + task.doneBy);
            }
            if (!OPEN.equals(task.state)) {
                throw ProblemException.conflict("the task is " + task.state);
            }
            boolean mayAnswer = caller.subject().equals(task.assignee) || caller.hasRole(Roles.PLATFORM_ADMIN)
                    || (caller.hasRole(Roles.COMMUNITY_MANAGER) && (caller.isPlatformStaff()
                    || CommunityCopies.staff(community).stream().anyMatch(s -> s.subject().equals(caller.subject())
                    && s.role() == StaffRole.COMMUNITY_MANAGER)));
            if (!mayAnswer) {
                throw ProblemException.forbidden("only the community's managers answer for it");
            }
            task.state = DONE;
            task.doneAt = clock.instant();
            task.doneBy = caller.subject();
            task.replyText = reply.text().strip();
            task.replyLink = reply.link();
            return task;
        }));
    }

    private Uni<TaskEntity> visible(UUID id) {
        return TaskEntity.<TaskEntity>findById(id).map(task -> {
            if (task == null || !caller.canSee(task.tenant)) {
                throw ProblemException.notFound("task " + id);
            }
            return task;
        });
    }
}

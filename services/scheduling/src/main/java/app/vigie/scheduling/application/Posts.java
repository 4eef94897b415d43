package app.vigie.scheduling.application;

import app.vigie.contracts.community.StaffRole;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.security.Caller;
import app.vigie.platform.security.Roles;
import app.vigie.scheduling.domain.CommunityTime;
import app.vigie.scheduling.domain.PostLifecycle;
import app.vigie.scheduling.domain.PostRefused;
import app.vigie.scheduling.domain.PostState;
import app.vigie.scheduling.domain.WebAddress;
import app.vigie.scheduling.infrastructure.CommunityCopies;
import app.vigie.scheduling.infrastructure.CommunityCopyEntity;
import app.vigie.scheduling.infrastructure.JsonColumns;
import app.vigie.scheduling.infrastructure.PostEntity;
import app.vigie.scheduling.infrastructure.PostHistoryEntity;
import app.vigie.platform.http.ETags;
import app.vigie.platform.id.UuidV7;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The editorial calendar: community managers draft, submit and schedule posts; the client's admins approve them
 * or ask for changes. Every step is kept in the post's history with who took it.
 */
@ApplicationScoped
public class Posts {

    /** The most posts one calendar view returns (one more is read, to tell that there were more). */
    static final int VIEW_LIMIT = 2_000;

    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** What a community manager writes: text, media, and when (local time of the community, or an instant). */
    public record Draft(UUID communityId, String text, List<String> media, String plannedAt) {
    }

    /** A post, and the zone its community lives in. */
    public record Found(PostEntity post, CommunityCopyEntity community, List<PostHistoryEntity> history) {
    }

    /** A calendar period and the posts planned in it. */
    public record Calendar(CommunityTime.Period period, UUID communityId, String tenant, List<Found> posts,
                           boolean truncated) {
    }

    @WithTransaction
    public Uni<Found> create(Draft draft) {
        return community(draft.communityId()).chain(community -> {
            requireManager(community);
            if (!"ACTIVE".equals(community.status)) {
                throw ProblemException.conflict("body.communityId", "the community is archived");
            }
            Instant now = clock.instant();
            PostEntity post = new PostEntity();
            post.id = UuidV7.generate();
            post.tenant = community.tenant;
            post.communityId = community.id;
            post.author = caller.subject();
            post.authorName = caller.name();
            post.createdAt = now;
            post.state = PostState.DRAFT;
            fill(post, draft, community, now);
            return post.persist().chain(() -> step(post, "CREATED", null)).map(h -> new Found(post, community, List.of(h)));
        });
    }

    @WithSession
    public Uni<Found> get(UUID id) {
        return post(id).chain(found -> PostHistoryEntity.<PostHistoryEntity>list("postId = ?1 order by id", id)
                .map(history -> new Found(found.post(), found.community(), history)));
    }

    /**
     * Posts in one state (FAILED: what the publisher gave up on), of a community or of the caller's company (platform
     * staff: the one named, or all), by planned time, at most {@link #VIEW_LIMIT}.
     */
    @WithSession
    public Uni<List<Found>> inState(PostState state, Optional<UUID> communityId, String tenant) {
        Optional<String> scope = caller.tenantToRead(tenant);
        StringBuilder query = new StringBuilder("state = :state");
        Parameters parameters = Parameters.with("state", state);
        Narrowing.to(query, parameters, scope, communityId);
        return PostEntity.<PostEntity>find(query + " order by plannedAt, id", parameters).range(0, VIEW_LIMIT - 1).list()
                .chain(posts -> CommunityCopyEntity.<CommunityCopyEntity>list("id in ?1",
                                posts.stream().map(p -> p.communityId).distinct().toList())
                        .map(communities -> posts.stream().map(p -> new Found(p, communities.stream()
                                .filter(c -> c.id.equals(p.communityId)).findFirst().orElseThrow(), List.of())).toList()));
    }

    /** An edit, made on the version the editor saw ({@code If-Match}): a post changed meanwhile answers 412. */
    @WithTransaction
    public Uni<Found> edit(UUID id, String ifMatch, Draft draft) {
        return post(id).chain(found -> {
            requireManager(found.community());
            PostEntity post = found.post();
            PostState before = post.state;
            // a post that can no longer be edited says so (409) whatever version the editor saw: the publisher
            // changes the version of a handed-over post at each attempt
            PostState after = PostLifecycle.edit(post.state);
            ETags.requireMatch(ifMatch, post.version);
            post.state = after;
            fill(post, draft, found.community(), clock.instant());
            if (before != post.state) {
                post.approvedBy = null; // the client approved another text
                post.approvedAt = null;
            }
            return step(post, "EDITED", before == post.state ? null : "back to the client: was " + before)
                    .replaceWith(found);
        }).onFailure(PostRefused.class).transform(Refusals::problem);
    }

    @WithTransaction
    public Uni<Found> submit(UUID id) {
        return change(id, "SUBMITTED", null, found -> {
            requireManager(found.community());
            found.post().state = PostLifecycle.submit(found.post().state);
            found.post().reviewComment = null;
            return found;
        });
    }

    @WithTransaction
    public Uni<Found> approve(UUID id) {
        return change(id, "APPROVED", null, found -> {
            requireClient();
            PostEntity post = found.post();
            post.state = PostLifecycle.approve(post.state);
            post.approvedBy = caller.subject();
            post.approvedAt = clock.instant();
            return found;
        });
    }

    @WithTransaction
    public Uni<Found> requestChanges(UUID id, String comment) {
        return change(id, "CHANGES_REQUESTED", comment, found -> {
            requireClient();
            found.post().state = PostLifecycle.requestChanges(found.post().state, comment);
            found.post().reviewComment = comment.strip();
            return found;
        });
    }

    @WithTransaction
    public Uni<Found> schedule(UUID id) {
        return change(id, "SCHEDULED", null, found -> {
            requireManager(found.community());
            PostEntity post = found.post();
            post.state = PostLifecycle.schedule(post.state, post.plannedAt, clock.instant());
            post.scheduledBy = caller.subject();
            return found;
        });
    }

    @WithTransaction
    public Uni<Found> unschedule(UUID id) {
        return change(id, "UNSCHEDULED", null, found -> {
            requireManager(found.community());
            found.post().state = PostLifecycle.unschedule(found.post().state);
            return found;
        });
    }

    @WithTransaction
    public Uni<Found> cancel(UUID id, String reason) {
        return change(id, "CANCELLED", reason, found -> {
            requireManager(found.community());
            found.post().state = PostLifecycle.cancel(found.post().state);
            return found;
        });
    }

    /**
     * The day, week or month around {@code date}: of one community (in its zone), or of the caller's company (platform
     * staff name it, or see every company) in {@code timeZone}.
     */
    @WithSession
    public Uni<Calendar> calendar(String view, LocalDate date, Optional<UUID> communityId, String tenant,
                                  String timeZone) {
        if (communityId.isPresent()) {
            return community(communityId.get()).chain(community -> {
                CommunityTime.Period period = period(view, date, ZoneId.of(community.timeZone));
                return PostEntity.<PostEntity>find("communityId = ?1 and plannedAt >= ?2 and plannedAt < ?3 order by plannedAt, id",
                                community.id, period.from(), period.to()).range(0, VIEW_LIMIT).list()
                        .map(posts -> new Calendar(period, community.id, community.tenant,
                                posts.stream().limit(VIEW_LIMIT).map(p -> new Found(p, community, List.of())).toList(),
                                posts.size() > VIEW_LIMIT));
            });
        }
        Optional<String> scope = caller.tenantToRead(tenant);
        ZoneId zone = Refusals.answering(() -> CommunityTime.zone(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip(),
                "query.timeZone"));
        CommunityTime.Period period = period(view, date, zone);
        Uni<List<PostEntity>> posts = scope.isPresent()
                ? PostEntity.<PostEntity>find("tenant = ?1 and plannedAt >= ?2 and plannedAt < ?3 order by plannedAt, id",
                        scope.get(), period.from(), period.to()).range(0, VIEW_LIMIT).list()
                : PostEntity.<PostEntity>find("plannedAt >= ?1 and plannedAt < ?2 order by plannedAt, id",
                        period.from(), period.to()).range(0, VIEW_LIMIT).list();
        return posts.chain(found -> {
            List<UUID> ids = found.stream().map(p -> p.communityId).distinct().toList();
            return CommunityCopyEntity.<CommunityCopyEntity>list("id in ?1", ids).map(communities -> new Calendar(period,
                    null, scope.orElse(null), found.stream().limit(VIEW_LIMIT).map(p -> new Found(p, communities.stream()
                            .filter(c -> c.id.equals(p.communityId)).findFirst().orElseThrow(), List.of())).toList(),
                    found.size() > VIEW_LIMIT));
        });
    }

    private static CommunityTime.Period period(String view, LocalDate date, ZoneId zone) {
        return Refusals.answering(() -> CommunityTime.period(view == null ? "week" : view.strip(), date, zone));
    }

    /** Loads the post, applies {@code step} and records it (callers hold the transaction). */
    private Uni<Found> change(UUID id, String action, String comment, UnaryOperator<Found> step) {
        return post(id).chain(found -> {
            Found changed = step.apply(found);
            changed.post().updatedAt = clock.instant();
            return step(changed.post(), action, comment).replaceWith(changed);
        }).onFailure(PostRefused.class).transform(Refusals::problem);
    }

    private Uni<PostHistoryEntity> step(PostEntity post, String action, String comment) {
        PostHistoryEntity step = PostHistoryEntity.of(post.id, clock.instant(), caller.subject(), action,
                post.state.name(), comment);
        return step.persist().replaceWith(step);
    }

    /** Text, media and planned time from a draft; the planned time must lie ahead. */
    private void fill(PostEntity post, Draft draft, CommunityCopyEntity community, Instant now) {
        List<String> media = draft.media() == null ? List.of() : draft.media();
        for (int i = 0; i < media.size(); i++) {
            if (!WebAddress.isValid(media.get(i))) {
                throw ProblemException.invalid("body.media[" + i + "]", "must be an absolute http or https address");
            }
        }
        Instant planned = Refusals.answering(() -> plannedAt(draft.plannedAt(), ZoneId.of(community.timeZone)));
        Refusals.answering(() -> {
            PostLifecycle.requireFuture(planned, now);
            return null;
        });
        post.text = draft.text().strip();
        post.media = JsonColumns.write(media);
        post.plannedAt = planned;
        post.updatedAt = now;
    }

    /** "2026-12-24T18:00" in the community's zone, or an instant with its offset ("…T17:00:00Z", "…T18:00+01:00"). */
    static Instant plannedAt(String value, ZoneId zone) {
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notAnInstant) {
            try {
                return CommunityTime.instantOf(LocalDateTime.parse(text), zone, null, "body.plannedAt");
            } catch (DateTimeException notLocal) {
                throw new PostRefused("body.plannedAt",
                        "must be a local date and time in the community's zone (2026-12-24T18:00) or an instant with an offset");
            }
        }
    }

    /** A community the caller may see; another company's, or an unknown one, is "not found". */
    private Uni<CommunityCopyEntity> community(UUID id) {
        return CommunityCopyEntity.<CommunityCopyEntity>findById(id).map(c -> {
            if (c == null || !caller.canSee(c.tenant)) {
                throw ProblemException.notFound("community " + id);
            }
            return c;
        });
    }

    private Uni<Found> post(UUID id) {
        return PostEntity.<PostEntity>findById(id).chain(post -> {
            if (post == null || !caller.canSee(post.tenant)) {
                throw ProblemException.notFound("post " + id);
            }
            return CommunityCopyEntity.<CommunityCopyEntity>findById(post.communityId)
                    .map(community -> new Found(post, community, List.of()));
        });
    }

    /**
     * Community managers work on the communities they are assigned to; platform admins and the platform's own
     * community managers (no tenant) on every one.
     */
    private void requireManager(CommunityCopyEntity community) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN) || (caller.hasRole(Roles.COMMUNITY_MANAGER) && caller.isPlatformStaff())) {
            return;
        }
        boolean assigned = caller.hasRole(Roles.COMMUNITY_MANAGER) && CommunityCopies.staff(community).stream()
                .anyMatch(s -> s.subject().equals(caller.subject()) && s.role() == StaffRole.COMMUNITY_MANAGER);
        if (!assigned) {
            throw ProblemException.forbidden("only the community managers of this community prepare its posts");
        }
    }

    /** The client approves what is published in its name: its own admins, no one else. */
    private void requireClient() {
        if (!caller.hasRole(Roles.CLIENT_ADMIN) || caller.tenant().isEmpty()) {
            throw ProblemException.forbidden("only the client's administrators approve posts or ask for changes");
        }
    }

    public static List<String> media(PostEntity post) {
        return JsonColumns.strings(post.media);
    }
}

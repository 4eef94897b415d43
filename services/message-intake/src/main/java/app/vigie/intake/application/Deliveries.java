package app.vigie.intake.application;

import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.security.Caller;
import app.vigie.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The state of enforcement callbacks, and a second chance for dead ones once the client has fixed its side. */
@ApplicationScoped
public class Deliveries {

    @Inject
    Caller caller;
    @Inject
    MessageQueries messages;

    public record Delivery(UUID id, UUID messageId, UUID communityId, String url, String status, int attempts,
                           Integer lastStatus, String lastError, Instant nextAttemptAt, Instant createdAt,
                           Instant deliveredAt) {
    }

    private static final String COLUMNS = "id, message_id, community_id, url, status, attempts, last_status, last_error, "
            + "next_attempt_at, created_at, delivered_at";

    /** Deliveries of a message the caller may read (404 otherwise). */
    @WithSession
    public Uni<List<Delivery>> ofMessage(UUID messageId) {
        return messages.get(messageId).chain(m -> list("message_id = :p", messageId));
    }

    /** The tenant's dead deliveries (all tenants for platform staff), newest first. */
    @WithSession
    public Uni<List<Delivery>> dead() {
        return caller.tenantScope().map(t -> list("status = 'DEAD' and tenant = :p", t))
                .orElseGet(() -> list("status = 'DEAD' and :p = :p", "all"));
    }

    @WithTransaction
    public Uni<Delivery> retry(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select tenant, status from callback_delivery where id = :id", Object[].class)
                .setParameter("id", id).getResultList())
                .chain(rows -> {
                    if (rows.isEmpty() || !caller.canSee((String) rows.get(0)[0])) {
                        throw ProblemException.notFound("delivery " + id);
                    }
                    if (!caller.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN)) {
                        throw ProblemException.forbidden("only platform and client admins retry deliveries");
                    }
                    if (!"DEAD".equals(rows.get(0)[1])) {
                        throw ProblemException.conflict("only a dead delivery can be retried; this one is " + rows.get(0)[1]);
                    }
                    return Panache.getSession().chain(s -> s.createNativeQuery("""
                                    update callback_delivery set status = 'PENDING', attempts = 0, next_attempt_at = now()
                                     where id = :id""").setParameter("id", id).executeUpdate());
                })
                .chain(() -> list("id = :p", id)).map(list -> list.get(0));
    }

    private Uni<List<Delivery>> list(String condition, Object param) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select " + COLUMNS + " from callback_delivery where "
                        + condition + " order by created_at desc limit 500", Object[].class)
                .setParameter("p", param).getResultList())
                .map(rows -> rows.stream().map(r -> new Delivery((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3],
                        (String) r[4], ((Number) r[5]).intValue(), r[6] == null ? null : ((Number) r[6]).intValue(),
                        (String) r[7], MessageQueries.instant(r[8]), MessageQueries.instant(r[9]), MessageQueries.instant(r[10]))).toList());
    }
}

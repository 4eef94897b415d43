package app.vigie.intake.application;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.moderation.CaseDecided;
import app.vigie.platform.id.UuidV7;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies a moderation decision to the message (rejected → hidden, approved → visible) and queues the client's
 * enforcement callback, in one transaction; {@link app.vigie.intake.infrastructure.CallbackSender} delivers it.
 */
@ApplicationScoped
public class Enforcement {

    private static final Logger LOG = Logger.getLogger(Enforcement.class);

    @Inject
    Clock clock;

    /** What the client's system receives, signed (docs/webhooks.md). */
    public record Callback(String event, UUID deliveryId, UUID messageId, String externalId, UUID communityId,
                           String pageId, String decision, String category, String ground, String explanation,
                           String statementOfReasonsId, String decidedAt, String action, boolean automated) {
    }

    public Uni<Void> decided(EventEnvelope event, CaseDecided decision) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update message m set decision = :decision, hidden = (:decision = 'REJECTED')
                          from community_copy c
                         where m.id = :id and m.tenant = :tenant and c.id = m.community_id
                        returning m.external_id, c.external_id, c.callback_url""", Object[].class)
                .setParameter("decision", decision.decision())
                .setParameter("id", decision.messageId())
                .setParameter("tenant", decision.tenant())
                .getResultList())
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        LOG.warnf("case.decided %s names message %s that intake does not know; nothing to enforce",
                                event.id(), decision.messageId());
                        return Uni.createFrom().voidItem();
                    }
                    Object[] row = rows.get(0);
                    String url = (String) row[2];
                    if (url == null || url.isBlank()) {
                        return Uni.createFrom().voidItem();
                    }
                    UUID deliveryId = UuidV7.generate(clock);
                    Callback callback = new Callback("case.decided", deliveryId, decision.messageId(), (String) row[0],
                            decision.communityId(), (String) row[1], decision.decision(),
                            decision.category() == null ? null : decision.category().name(), decision.ground(),
                            decision.explanation(), decision.statementOfReasonsId(),
                            decision.decidedAt() == null ? null : decision.decidedAt().toString(), decision.action(),
                            decision.automated());
                    return queue(deliveryId, event.id(), decision, url, callback);
                });
    }

    private Uni<Void> queue(UUID deliveryId, UUID eventId, CaseDecided decision, String url, Callback callback) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String payload;
        try {
            payload = EventPayloads.mapper().writeValueAsString(callback);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into callback_delivery (id, event_id, message_id, community_id, tenant, url, payload, status,
                                                       attempts, next_attempt_at, created_at)
                        values (:id, :event, :message, :community, :tenant, :url, :payload, 'PENDING', 0, :now, :now)
                        on conflict (event_id) do nothing""")
                .setParameter("id", deliveryId).setParameter("event", eventId)
                .setParameter("message", decision.messageId()).setParameter("community", decision.communityId())
                .setParameter("tenant", decision.tenant()).setParameter("url", url).setParameter("payload", payload)
                .setParameter("now", now)
                .executeUpdate())
                .replaceWithVoid();
    }
}

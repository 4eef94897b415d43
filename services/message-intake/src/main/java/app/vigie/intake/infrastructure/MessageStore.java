package app.vigie.intake.infrastructure;

import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.message.MessageReceived;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes messages and their versions with plain SQL: {@code on conflict do nothing} makes a replay of the same
 * (community, external id) a no-op inside the batch's transaction instead of an exception that would abort it.
 */
@ApplicationScoped
public class MessageStore {

    /** A new message's first row; empty when (community, external id) exists already. */
    public Uni<Optional<UUID>> insertMessage(UUID id, MessageReceived m, int risk) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into message (id, community_id, tenant, external_id, thread_id, parent_id, author_id,
                                             author_name, permalink, posted_at, received_at, status, decision, hidden,
                                             current_version, risk)
                        values (:id, :community, :tenant, :externalId, :threadId, :parentId, :authorId, :authorName,
                                :permalink, :postedAt, :receivedAt, 'RECEIVED', 'PENDING', :hidden, 1, :risk)
                        on conflict (community_id, external_id) do nothing
                        returning id""", UUID.class)
                .setParameter("id", id)
                .setParameter("community", m.communityId())
                .setParameter("tenant", m.tenant())
                .setParameter("externalId", m.externalId())
                .setParameter("threadId", m.threadId())
                .setParameter("parentId", m.parentId())
                .setParameter("authorId", m.author() == null ? null : m.author().id())
                .setParameter("authorName", m.author() == null ? null : m.author().name())
                .setParameter("permalink", m.permalink())
                .setParameter("postedAt", utc(m.postedAt()))
                .setParameter("receivedAt", utc(m.receivedAt()))
                .setParameter("hidden", m.hidden())
                .setParameter("risk", risk)
                .getResultList())
                .map(ids -> ids.stream().findFirst());
    }

    public Uni<UUID> existing(UUID communityId, String externalId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select id from message where community_id = :community and external_id = :externalId", UUID.class)
                .setParameter("community", communityId).setParameter("externalId", externalId)
                .getSingleResult());
    }

    /** The id and current version of a stored message. */
    public record Current(UUID id, int version) {
    }

    public Uni<Optional<Current>> current(UUID communityId, String externalId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select id, current_version from message
                         where community_id = :community and external_id = :externalId for update""", Object[].class)
                .setParameter("community", communityId).setParameter("externalId", externalId)
                .getResultList())
                .map(rows -> rows.stream().findFirst().map(r -> new Current((UUID) r[0], ((Number) r[1]).intValue())));
    }

    /** An edit: the new version becomes current, and the message goes back to moderation. */
    public Uni<Void> newVersion(MessageReceived m, int risk) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update message set current_version = :version, risk = :risk, hidden = :hidden,
                                           decision = 'PENDING', status = 'RECEIVED'
                         where id = :id""")
                .setParameter("version", m.version()).setParameter("risk", risk).setParameter("hidden", m.hidden())
                .setParameter("id", m.messageId())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Marks a message removed on its platform; empty when unknown or already removed. */
    public Uni<Optional<UUID>> markRemoved(UUID communityId, String externalId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update message set status = 'REMOVED'
                         where community_id = :community and external_id = :externalId and status <> 'REMOVED'
                        returning id""", UUID.class)
                .setParameter("community", communityId).setParameter("externalId", externalId)
                .getResultList())
                .map(ids -> ids.stream().findFirst());
    }

    public Uni<Void> insertVersion(MessageReceived m) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into message_version (message_id, tenant, version, text, media, language, risk,
                                                     suggested_category, rules, fingerprint, received_at)
                        values (:id, :tenant, :version, :text, :media, :language, :risk, :category, :rules, :fingerprint,
                                :receivedAt)""")
                .setParameter("id", m.messageId())
                .setParameter("tenant", m.tenant())
                .setParameter("version", m.version())
                .setParameter("text", m.text())
                .setParameter("media", json(m.media()))
                .setParameter("language", m.triage().language())
                .setParameter("risk", m.triage().risk())
                .setParameter("category", m.triage().suggestedCategory() == null ? null : m.triage().suggestedCategory().name())
                .setParameter("rules", json(m.triage().rules()))
                .setParameter("fingerprint", m.triage().fingerprint())
                .setParameter("receivedAt", utc(m.receivedAt()))
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * How many messages of the tenant carried each of these texts recently (the same spam pasted again and again),
     * in one query for a whole batch.
     */
    public Uni<java.util.Map<String, Integer>> recentRepeats(String tenant, java.util.Collection<String> fingerprints,
                                                             Instant now, Duration window) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select fingerprint, count(*) from message_version
                         where tenant = :tenant and fingerprint = any(:fingerprints) and received_at > :since
                         group by fingerprint""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("fingerprints", fingerprints.toArray(String[]::new))
                .setParameter("since", utc(now.minus(window)))
                .getResultList())
                .map(rows -> {
                    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
                    rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).intValue()));
                    return counts;
                });
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String json(Object value) {
        try {
            return EventPayloads.mapper().writeValueAsString(value == null ? List.of() : value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package app.vigie.intake.infrastructure;

import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.message.MessageReceived;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes messages and their versions with plain SQL: {@code on conflict do nothing} makes a replay of the same
 * (community, external id) a no-op inside the batch's transaction instead of an exception that would abort it.
 */
@ApplicationScoped
public class MessageStore {

    /** Where a message comes from: its community and the platform's id of it. */
    public record Key(UUID communityId, String externalId) {
    }

    /**
     * Inserts new messages with their first versions, all in one statement; returns the ids actually inserted.
     * A message whose (community, external id) is stored already is left alone ({@code on conflict do nothing}),
     * and so is its version row, which joins on what was inserted.
     */
    public Uni<Set<UUID>> insertNew(List<MessageReceived> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        with r as (
                            select * from json_to_recordset(cast(cast(:rows as text) as json)) as r(""" + ROW_COLUMNS + """
                        ), created as (
                            insert into message (id, community_id, tenant, external_id, thread_id, parent_id, author_id,
                                                 author_name, permalink, posted_at, received_at, status, decision, hidden,
                                                 current_version, risk)
                            select id, community_id, tenant, external_id, thread_id, parent_id, author_id, author_name,
                                   permalink, posted_at, received_at, 'RECEIVED', 'PENDING', hidden, version, risk
                              from r
                            on conflict (community_id, external_id) do nothing
                            returning id
                        ), versions as (
                            insert into message_version (message_id, tenant, version, text, media, language, risk,
                                                         suggested_category, rules, fingerprint, received_at)
                            select r.id, r.tenant, r.version, r.text, cast(r.media as text), r.language, r.risk,
                                   r.suggested_category, cast(r.rules as text), r.fingerprint, r.received_at
                              from r join created using (id)
                        )
                        select id from created""")
                .setParameter("rows", rows(messages))
                .getResultList())
                .map(ids -> ids.stream().map(UUID.class::cast).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** The stored ids of these (community, external id) pairs, in one query. */
    public Uni<Map<Key, UUID>> idsOf(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        ArrayNode rows = EventPayloads.mapper().createArrayNode();
        keys.forEach(k -> rows.addObject().put("community_id", k.communityId().toString()).put("external_id", k.externalId()));
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select m.community_id, m.external_id, m.id
                          from json_to_recordset(cast(cast(:keys as text) as json)) as k(community_id uuid, external_id text)
                          join message m using (community_id, external_id)""", Object[].class)
                .setParameter("keys", rows.toString())
                .getResultList())
                .map(found -> {
                    Map<Key, UUID> ids = new HashMap<>();
                    found.forEach(r -> ids.put(new Key((UUID) r[0], (String) r[1]), (UUID) r[2]));
                    return ids;
                });
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
    public Uni<Void> newVersion(MessageReceived m) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update message set current_version = :version, risk = :risk, hidden = :hidden,
                                           decision = 'PENDING', status = 'RECEIVED'
                         where id = :id""")
                .setParameter("version", m.version()).setParameter("risk", m.triage().risk()).setParameter("hidden", m.hidden())
                .setParameter("id", m.messageId())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Marks a message removed on its platform; empty when unknown or already removed. */
    public Uni<Optional<UUID>> markRemoved(UUID communityId, String externalId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update message set status = 'REMOVED'
                         where community_id = :community and external_id = :externalId and status <> 'REMOVED'
                        returning id""")
                .setParameter("community", communityId).setParameter("externalId", externalId)
                .getResultList())
                .map(ids -> ids.stream().findFirst().map(UUID.class::cast));
    }

    /** Stores an edit's version row. */
    public Uni<Void> insertVersion(MessageReceived m) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into message_version (message_id, tenant, version, text, media, language, risk,
                                                     suggested_category, rules, fingerprint, received_at)
                        select id, tenant, version, text, cast(media as text), language, risk, suggested_category,
                               cast(rules as text), fingerprint, received_at
                          from json_to_recordset(cast(cast(:rows as text) as json)) as r(""" + ROW_COLUMNS)
                .setParameter("rows", rows(List.of(m)))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The columns of one message version as {@link #rows} sends them. */
    private static final String ROW_COLUMNS = """
            id uuid, community_id uuid, tenant text, external_id text, thread_id text, parent_id text, author_id text,
            author_name text, permalink text, posted_at timestamptz, received_at timestamptz, hidden boolean,
            version integer, risk integer, text text, media json, language text, suggested_category text, rules json,
            fingerprint text)""";

    /**
     * Message versions as one JSON array that PostgreSQL unpacks with {@code json_to_recordset}: a whole batch
     * binds as one parameter and travels in one round trip.
     */
    private static String rows(List<MessageReceived> messages) {
        ArrayNode rows = EventPayloads.mapper().createArrayNode();
        for (MessageReceived m : messages) {
            ObjectNode row = rows.addObject();
            row.put("id", m.messageId().toString());
            row.put("community_id", m.communityId().toString());
            row.put("tenant", m.tenant());
            row.put("external_id", m.externalId());
            row.put("thread_id", m.threadId());
            row.put("parent_id", m.parentId());
            row.put("author_id", m.author() == null ? null : m.author().id());
            row.put("author_name", m.author() == null ? null : m.author().name());
            row.put("permalink", m.permalink());
            row.put("posted_at", m.postedAt() == null ? null : m.postedAt().toString());
            row.put("received_at", m.receivedAt().toString());
            row.put("hidden", m.hidden());
            row.put("version", m.version());
            row.put("risk", m.triage().risk());
            row.put("text", m.text());
            row.set("media", EventPayloads.toTree(m.media() == null ? List.of() : m.media()));
            row.put("language", m.triage().language());
            row.put("suggested_category", m.triage().suggestedCategory() == null ? null : m.triage().suggestedCategory().name());
            row.set("rules", EventPayloads.toTree(m.triage().rules() == null ? List.of() : m.triage().rules()));
            row.put("fingerprint", m.triage().fingerprint());
        }
        return rows.toString();
    }

    /**
     * How many messages of the tenant carried each of these texts recently (the same spam pasted again and again),
     * in one query for a whole batch. Each count stops at {@code cap}: a text pasted ten thousand times must not
     * cost ten thousand index entries on every new copy.
     */
    public Uni<Map<String, Integer>> recentRepeats(String tenant, Collection<String> fingerprints, Instant now,
                                                   Duration window, int cap) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select f.fingerprint,
                               (select count(*) from (select 1 from message_version v
                                                       where v.tenant = :tenant and v.fingerprint = f.fingerprint
                                                         and v.received_at > :since
                                                       limit :cap) seen)
                          from unnest(cast(:fingerprints as text[])) as f(fingerprint)""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("fingerprints", fingerprints.toArray(String[]::new))
                .setParameter("since", utc(now.minus(window)))
                .setParameter("cap", cap)
                .getResultList())
                .map(rows -> {
                    Map<String, Integer> counts = new HashMap<>();
                    rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).intValue()));
                    return counts;
                });
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

package app.vigie.moderation.audit;

import app.vigie.contracts.EventPayloads;
import app.vigie.moderation.application.Actor;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.security.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A case's history as the event store holds it, and the case as it stood at any instant. */
@ApplicationScoped
public class CaseHistory {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Caller caller;

    /**
     * One event of the case: its place in the case and in the store, what it is, when, who did it and in which
     * role, its content as stored, and its link in the hash chain (null until the chainer has passed).
     */
    public record Entry(long sequence, long globalIndex, String eventId, String type, Instant at, String actor,
                        String role, String requestId, JsonNode payload, Long chainSeq, String hash) {
    }

    /** Every event of the case, in order. Another tenant's case, or none, is 404. */
    public List<Entry> of(UUID caseId) {
        try (Connection c = dataSource.getConnection()) {
            List<StoredEvent> events = visibleEvents(c, caseId);
            Map<Long, Object[]> links = links(c, events);
            return events.stream().map(e -> entry(e, links.get(e.globalIndex()))).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history of case " + caseId, e);
        }
    }

    /** The case as it stood at {@code asOf}: its events up to then, folded. */
    public CaseState asOf(UUID caseId, Instant asOf) {
        try (Connection c = dataSource.getConnection()) {
            CaseState state = CaseState.empty(caseId, asOf);
            for (StoredEvent e : visibleEvents(c, caseId)) {
                Instant at = e.occurredAt();
                if (at.isAfter(asOf)) {
                    break; // a case's events are in time order: each is appended after the one before
                }
                state = state.apply(payload(e), at);
            }
            return state.eventsApplied() == 0 ? state.notOpenedYet() : state;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot rebuild case " + caseId, e);
        }
    }

    private List<StoredEvent> visibleEvents(Connection c, UUID caseId) throws SQLException {
        List<StoredEvent> events = EventRows.ofCase(c, caseId.toString());
        if (events.isEmpty() || !caller.canSee(HashChain.tenantOf(events.getFirst().payload()))) {
            throw ProblemException.notFound("case " + caseId);
        }
        return events;
    }

    private static Map<Long, Object[]> links(Connection c, List<StoredEvent> events) throws SQLException {
        Map<Long, Object[]> links = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "select global_index, chain_seq, hash from event_chain where global_index = any(?)")) {
            select.setArray(1, c.createArrayOf("bigint",
                    events.stream().map(StoredEvent::globalIndex).toArray(Long[]::new)));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    links.put(r.getLong(1), new Object[] {r.getLong(2), StoredEvent.hex(r.getBytes(3))});
                }
            }
        }
        return links;
    }

    private static Entry entry(StoredEvent e, Object[] link) {
        JsonNode payload = tree(e.payload());
        JsonNode meta = e.metaData() == null ? EventPayloads.mapper().createObjectNode() : tree(e.metaData());
        String actor = text(meta, Actor.SUBJECT);
        if (actor == null) { // recorded before actors went into the metadata: the payload names them
            actor = firstText(payload, "moderator", "author", "appellant");
        }
        return new Entry(e.sequenceNumber(), e.globalIndex(), e.eventIdentifier(), simpleType(e.payloadType()),
                e.occurredAt(), actor, text(meta, Actor.ROLE), text(meta, Actor.REQUEST), payload,
                link == null ? null : (Long) link[0], link == null ? null : (String) link[1]);
    }

    /** The event as its domain record (CaseEvents.*), read with the mapping Axon wrote it with. */
    static Object payload(StoredEvent e) {
        try {
            Class<?> type = Class.forName(e.payloadType(), false, Thread.currentThread().getContextClassLoader());
            return EventPayloads.mapper().readValue(e.payload(), type);
        } catch (ClassNotFoundException | IOException x) {
            throw new IllegalStateException("event " + e.eventIdentifier() + " of type " + e.payloadType()
                    + " cannot be read", x);
        }
    }

    static String simpleType(String payloadType) {
        return payloadType.substring(Math.max(payloadType.lastIndexOf('$'), payloadType.lastIndexOf('.')) + 1);
    }

    private static JsonNode tree(byte[] json) {
        try {
            return EventPayloads.mapper().readTree(json);
        } catch (IOException e) {
            return EventPayloads.mapper().getNodeFactory().textNode(new String(json, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}

package app.vigie.moderation.audit;

import app.vigie.contracts.EventPayloads;
import app.vigie.moderation.application.Actor;
import app.vigie.platform.security.Caller;
import app.vigie.platform.security.Roles;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * A tenant's events over a period as NDJSON, one chained event per line with its link (so that the export itself
 * can be checked against the chain), in chain order. The authors of messages come with the events that opened or
 * edited the case: pseudonymised, and the text left out, unless the caller holds the {@code personal-data} right.
 * Each export is recorded as an event before its first line is written.
 */
@ApplicationScoped
public class EventExport {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventStore events;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @ConfigProperty(name = "vigie.audit.pseudonym-key")
    String pseudonymKey;

    /** Records the export (who, what, whether with personal data) and returns what writes it. */
    public Writer prepare(Optional<String> tenant, Instant from, Instant to) {
        boolean personalData = caller.hasRole(Roles.PERSONAL_DATA);
        String role = personalData ? Roles.AUDITOR + "+" + Roles.PERSONAL_DATA : Roles.AUDITOR;
        events.publish(GenericEventMessage.asEventMessage(new AuditEvents.EventsExported(tenant.orElse(null),
                caller.subject(), role, from, to, personalData, clock.instant()))
                .andMetaData(Map.of(Actor.SUBJECT, caller.subject(), Actor.ROLE, role)));
        return out -> write(out, tenant, from, to, personalData);
    }

    /** Writes the lines of one export. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private void write(OutputStream out, Optional<String> tenant, Instant from, Instant to, boolean personalData)
            throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement select = c.prepareStatement("""
                    select c.chain_seq, c.hash, c.tenant, """ + EventRows.COLUMNS + """
                         , a.author_id, a.author_name, t.text
                      from event_chain c
                      join domain_event_entry e on e.global_index = c.global_index
                      left join case_author a on e.sequence_number = 0 and a.case_id::text = e.aggregate_identifier
                      left join case_content t on t.case_id::text = e.aggregate_identifier
                                              and t.version = coalesce((convert_from(e.payload, 'UTF8')::jsonb
                                                                        ->> 'messageVersion')::int, -1)
                     where c.occurred_at >= ? and c.occurred_at < ? and (cast(? as text) is null or c.tenant = ?)
                     order by c.chain_seq""")) {
                select.setFetchSize(1_000);
                select.setTimestamp(1, Timestamp.from(from));
                select.setTimestamp(2, Timestamp.from(to));
                select.setString(3, tenant.orElse(null));
                select.setString(4, tenant.orElse(null));
                try (ResultSet r = select.executeQuery();
                     JsonGenerator json = EventPayloads.mapper().getFactory().createGenerator(out)) {
                    json.setRootValueSeparator(null);
                    while (r.next()) {
                        EventPayloads.mapper().writeTree(json, line(r, personalData));
                        json.writeRaw('\n');
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("the export stopped: " + e.getMessage(), e);
        }
    }

    private ObjectNode line(ResultSet r, boolean personalData) throws SQLException {
        StoredEvent e = EventRows.read(r, 4);
        ObjectNode line = EventPayloads.mapper().createObjectNode();
        line.put("chainSeq", r.getLong(1));
        line.put("hash", StoredEvent.hex(r.getBytes(2)));
        line.put("tenant", r.getString(3));
        line.put("globalIndex", e.globalIndex());
        line.put("eventId", e.eventIdentifier());
        line.put("caseId", e.aggregateIdentifier());
        line.put("sequence", e.sequenceNumber());
        line.put("type", CaseHistory.simpleType(e.payloadType()));
        line.put("at", e.occurredAt().toString());
        JsonNode meta = tree(e.metaData());
        line.put("actor", meta.path(Actor.SUBJECT).isTextual() ? meta.get(Actor.SUBJECT).asText() : null);
        line.put("role", meta.path(Actor.ROLE).isTextual() ? meta.get(Actor.ROLE).asText() : null);
        line.set("payload", tree(e.payload()));
        String authorId = r.getString(14);
        if (authorId != null) {
            ObjectNode author = line.putObject("author");
            if (personalData) {
                author.put("id", authorId);
                author.put("name", r.getString(15));
            } else {
                author.put("pseudonym", pseudonym(r.getString(3), authorId));
                author.put("masked", true);
            }
        }
        String text = r.getString(16);
        if (text != null) {
            ObjectNode content = line.putObject("content");
            if (personalData) {
                content.put("text", text);
            } else {
                content.put("masked", true);
            }
        }
        return line;
    }

    /**
     * The same author gives the same pseudonym within a tenant (so an auditor can follow a repeat offender) and a
     * different one in another tenant. Keyed (HMAC with {@code vigie.audit.pseudonym-key}): platform ids are few
     * enough to be tried one by one against a plain hash.
     */
    String pseudonym(String tenant, String authorId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pseudonymKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] hash = mac.doFinal((tenant + "\u0000" + authorId).getBytes(StandardCharsets.UTF_8));
            return "author-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException | java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(byte[] json) {
        if (json == null) {
            return EventPayloads.mapper().createObjectNode();
        }
        try {
            return EventPayloads.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

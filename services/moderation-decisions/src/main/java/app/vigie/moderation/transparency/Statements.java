package app.vigie.moderation.transparency;

import app.vigie.contracts.EventPayloads;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The statements of reasons of a period: one per restrictive decision of the decision log — a rejection, an
 * appeal that turned an approval into a rejection, an automatic hiding — streamed from the database as a JSON array
 * or as NDJSON, in the order the decisions were taken.
 */
@ApplicationScoped
public class Statements {

    @Inject
    AgroalDataSource dataSource;
    /** Where the restrictions apply: the whole EEA unless configured otherwise. */
    @ConfigProperty(name = "vigie.transparency.territorial-scope",
            defaultValue = "AT,BE,BG,CY,CZ,DE,DK,EE,ES,FI,FR,GR,HR,HU,IE,IS,IT,LI,LT,LU,LV,MT,NL,NO,PL,PT,RO,SE,SI,SK")
    List<String> territorialScope;

    public enum Format { JSON_ARRAY, NDJSON }

    public void write(Optional<String> tenant, Instant from, Instant to, Format format, OutputStream out)
            throws IOException {
        List<String> scope = territorialScope.stream().map(String::strip).filter(StatementOfReasons.EEA::contains)
                .sorted().toList();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement select = c.prepareStatement("""
                    select d.event_id, d.kind, d.decision, d.automated, d.automated_detection,
                           coalesce(d.category, d.suggested_category), d.ground, d.reference, d.explanation, d.action,
                           d.appeal_outcome, d.policy_version, d.language, d.opened_at, d.occurred_at,
                           coalesce(length(t.text) > 0, false), coalesce(t.media like '%"IMAGE"%', false),
                           coalesce(t.media like '%"VIDEO"%', false)
                      from decision_log d
                      left join lateral (select text, media from case_content
                                          where case_id = d.case_id order by version desc limit 1) t on true
                     where (cast(? as text) is null or d.tenant = ?) and d.occurred_at >= ? and d.occurred_at < ?
                       and ((d.kind = 'DECISION' and d.decision = 'REJECTED')
                            or (d.kind = 'APPEAL_DECISION' and d.decision = 'REJECTED' and d.appeal_outcome = 'REVERSE')
                            or d.kind = 'AUTO_HIDE')
                     order by d.occurred_at, d.event_id""")) {
                select.setFetchSize(1_000);
                select.setString(1, tenant.orElse(null));
                select.setString(2, tenant.orElse(null));
                select.setTimestamp(3, Timestamp.from(from));
                select.setTimestamp(4, Timestamp.from(to));
                try (ResultSet r = select.executeQuery();
                     JsonGenerator json = EventPayloads.mapper().getFactory().createGenerator(out)) {
                    json.setRootValueSeparator(null);
                    if (format == Format.JSON_ARRAY) {
                        json.writeStartArray();
                    }
                    while (r.next()) {
                        EventPayloads.mapper().writeValue(json, StatementOfReasons.of(restriction(r), scope));
                        if (format == Format.NDJSON) {
                            json.writeRaw('\n');
                        }
                    }
                    if (format == Format.JSON_ARRAY) {
                        json.writeEndArray();
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("the statements stopped: " + e.getMessage(), e);
        }
    }

    private static StatementOfReasons.Restriction restriction(ResultSet r) throws SQLException {
        return new StatementOfReasons.Restriction(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4),
                r.getBoolean(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
                r.getString(11), (Integer) r.getObject(12), r.getString(13),
                r.getTimestamp(14) == null ? null : r.getTimestamp(14).toInstant(), r.getTimestamp(15).toInstant(),
                r.getBoolean(16), r.getBoolean(17), r.getBoolean(18));
    }
}

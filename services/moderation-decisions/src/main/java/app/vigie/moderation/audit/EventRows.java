package app.vigie.moderation.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads rows of the event store as they are stored, for the chain, its verification, histories and exports. */
final class EventRows {

    private EventRows() {
    }

    static final String COLUMNS = """
            e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type, e.time_stamp,
            e.payload_type, e.payload_revision, e.payload, e.meta_data""";

    /** The row at the current position of {@code r}, whose columns start at {@code first} in {@link #COLUMNS} order. */
    static StoredEvent read(ResultSet r, int first) throws SQLException {
        return new StoredEvent(r.getLong(first), r.getString(first + 1), r.getString(first + 2), r.getLong(first + 3),
                r.getString(first + 4), r.getString(first + 5), r.getString(first + 6), r.getString(first + 7),
                r.getBytes(first + 8), r.getBytes(first + 9));
    }

    /** Events after {@code after} in the order of the store, at most {@code limit}. */
    static List<StoredEvent> after(Connection c, long after, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select " + COLUMNS
                + " from domain_event_entry e where e.global_index > ? order by e.global_index limit ?")) {
            select.setLong(1, after);
            select.setInt(2, limit);
            return all(select);
        }
    }

    /** The events among {@code indexes} that exist, in the order of the store. */
    static List<StoredEvent> at(Connection c, Long[] indexes) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select " + COLUMNS
                + " from domain_event_entry e where e.global_index = any(?) order by e.global_index")) {
            select.setArray(1, c.createArrayOf("bigint", indexes));
            return all(select);
        }
    }

    /** Every event of one case (aggregate), in its own order. */
    static List<StoredEvent> ofCase(Connection c, String caseId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select " + COLUMNS
                + " from domain_event_entry e where e.aggregate_identifier = ? order by e.sequence_number")) {
            select.setString(1, caseId);
            return all(select);
        }
    }

    private static List<StoredEvent> all(PreparedStatement select) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (ResultSet r = select.executeQuery()) {
            while (r.next()) {
                events.add(read(r, 1));
            }
        }
        return events;
    }
}

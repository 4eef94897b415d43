package app.vigie.moderation.infrastructure;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What each case's message says and who wrote it ({@code case_content}, {@code case_author}: outside the immutable
 * events, as erasable personal data), and the author's record in a community, so that repeat offenders are visible
 * to the moderator.
 */
@ApplicationScoped
public class CaseMessages {

    /** How far back rejections count in an author's record. */
    public static final Duration WINDOW = Duration.ofDays(90);

    @Inject
    AgroalDataSource dataSource;

    /** An author's history in one community, not counting the case being looked at. */
    public record AuthorRecord(String authorId, String authorName, int cases, int rejectionsLast90Days, int warnings,
                               int bans) {
    }

    /**
     * Keeps the content of each message version and the author of each new message, for a whole batch in one
     * round trip per table (a version or an author already kept is left alone).
     */
    public void rememberAll(java.util.List<app.vigie.contracts.message.MessageReceived> messages) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement contents = connection.prepareStatement("""
                     insert into case_content (case_id, version, text, media, permalink) values (?, ?, ?, ?, ?)
                     on conflict (case_id, version) do nothing""");
             PreparedStatement authors = connection.prepareStatement("""
                     insert into case_author (case_id, community_id, tenant, author_id, author_name, opened_at)
                     values (?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing""")) {
            boolean anyAuthor = false;
            for (var m : messages) {
                contents.setObject(1, m.messageId());
                contents.setInt(2, m.version());
                contents.setString(3, m.text() == null ? "" : m.text());
                contents.setString(4, app.vigie.contracts.EventPayloads.toTree(
                        m.media() == null ? java.util.List.of() : m.media()).toString());
                contents.setString(5, m.permalink());
                contents.addBatch();
                if (m.version() == 1 && m.author() != null && m.author().id() != null && !m.author().id().isBlank()) {
                    authors.setObject(1, m.messageId());
                    authors.setObject(2, m.communityId());
                    authors.setString(3, m.tenant());
                    authors.setString(4, m.author().id());
                    authors.setString(5, m.author().name());
                    authors.setTimestamp(6, Timestamp.from(m.receivedAt()));
                    authors.addBatch();
                    anyAuthor = true;
                }
            }
            contents.executeBatch();
            if (anyAuthor) {
                authors.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot keep the content and authors of " + messages.size() + " messages", e);
        }
    }

    /** One version of the message under moderation, as the moderator reads it. */
    public record Content(int version, String text, com.fasterxml.jackson.databind.JsonNode media, String permalink) {
    }

    /** Every version of the message, oldest first. */
    public java.util.List<Content> contentOf(UUID caseId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select version, text, media, permalink from case_content where case_id = ? order by version")) {
            select.setObject(1, caseId);
            java.util.List<Content> versions = new java.util.ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    versions.add(new Content(r.getInt(1), r.getString(2),
                            app.vigie.contracts.EventPayloads.mapper().readTree(r.getString(3)), r.getString(4)));
                }
            }
            return versions;
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot read the content of case " + caseId, e);
        }
    }

    /** The record of the author of {@code caseId} in its community, as of {@code now}; empty when unknown. */
    public Optional<AuthorRecord> of(UUID caseId, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select a.author_id, a.author_name,
                            count(q.case_id),
                            count(*) filter (where q.decision = 'REJECTED' and q.decided_at > ?),
                            count(*) filter (where q.decision = 'REJECTED' and q.action = 'AUTHOR_WARNED'),
                            count(*) filter (where q.decision = 'REJECTED' and q.action = 'AUTHOR_BANNED')
                       from case_author a
                       left join case_author other
                              on other.community_id = a.community_id and other.author_id = a.author_id
                             and other.case_id <> a.case_id
                       left join case_queue q on q.case_id = other.case_id
                      where a.case_id = ?
                      group by a.author_id, a.author_name""")) {
            select.setTimestamp(1, Timestamp.from(now.minus(WINDOW)));
            select.setObject(2, caseId);
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new AuthorRecord(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4),
                        r.getInt(5), r.getInt(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the author's record of case " + caseId, e);
        }
    }
}

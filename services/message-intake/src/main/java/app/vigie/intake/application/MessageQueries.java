package app.vigie.intake.application;

import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.message.MessageReceived;
import app.vigie.intake.api.MessageDtos;
import app.vigie.platform.paging.Cursor;
import app.vigie.platform.paging.Page;
import app.vigie.platform.paging.PageRequest;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.security.Caller;
import app.vigie.platform.security.Roles;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading messages. Tenant-wide roles see their company's messages (platform staff all of them); moderators and
 * community managers only those of the communities they are assigned to (the copy's staff list).
 */
@ApplicationScoped
public class MessageQueries {

    private static final TypeReference<List<MessageReceived.Rule>> RULES = new TypeReference<>() { };
    private static final TypeReference<List<MessageDtos.Media>> MEDIA = new TypeReference<>() { };

    @Inject
    Caller caller;

    public record Filter(UUID communityId, String status, String decision, String authorId, Instant from, Instant to) {
    }

    @WithSession
    public Uni<MessageDtos.View> get(UUID id) {
        Map<String, Object> params = new LinkedHashMap<>();
        String visible = visibility(params);
        params.put("id", id);
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery("select m.id, m.community_id, m.tenant, m.external_id, m.thread_id, m.parent_id, "
                    + "m.author_id, m.author_name, m.permalink, m.posted_at, m.received_at, m.status, m.decision, m.hidden, "
                    + "m.current_version, m.risk from message m join community_copy c on c.id = m.community_id "
                    + "where m.id = :id" + visible, Object[].class);
            params.forEach(q::setParameter);
            return q.getResultList();
        }).chain(rows -> {
            if (rows.isEmpty()) {
                throw ProblemException.notFound("message " + id);
            }
            Object[] m = rows.get(0);
            return versions(id).map(versions -> new MessageDtos.View((UUID) m[0], (UUID) m[1], (String) m[2], (String) m[3],
                    (String) m[4], (String) m[5], new MessageDtos.Author((String) m[6], (String) m[7]), (String) m[8],
                    instant(m[9]), instant(m[10]), (String) m[11], (String) m[12], (Boolean) m[13],
                    ((Number) m[14]).intValue(), ((Number) m[15]).intValue(), versions));
        });
    }

    @WithSession
    public Uni<Page<MessageDtos.Summary>> search(Filter filter, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("""
                select m.id, m.community_id, m.external_id, m.author_name, left(v.text, 200), m.received_at, m.status,
                       m.decision, m.hidden, m.risk, v.suggested_category
                  from message m
                  join community_copy c on c.id = m.community_id
                  join message_version v on v.message_id = m.id and v.version = m.current_version
                 where true""");
        sql.append(visibility(params));
        if (filter.communityId() != null) {
            sql.append(" and m.community_id = :community");
            params.put("community", filter.communityId());
        }
        if (filter.status() != null) {
            sql.append(" and m.status = :status");
            params.put("status", filter.status());
        }
        if (filter.decision() != null) {
            sql.append(" and m.decision = :decision");
            params.put("decision", filter.decision());
        }
        if (filter.authorId() != null) {
            sql.append(" and m.author_id = :author");
            params.put("author", filter.authorId());
        }
        if (filter.from() != null) {
            sql.append(" and m.received_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" and m.received_at < :to");
            params.put("to", OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        page.after().ifPresent(cursor -> {
            sql.append(" and m.id < :after");
            try {
                params.put("after", UUID.fromString(cursor.key(0)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("query.cursor", "not a cursor returned by this listing");
            }
        });
        // ids are UUID v7: descending id is newest first, and a stable cursor
        sql.append(" order by m.id desc limit :limit");
        params.put("limit", page.fetchSize());
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql.toString(), Object[].class);
            params.forEach(q::setParameter);
            return q.getResultList();
        }).map(rows -> Page.from(rows.stream().map(r -> new MessageDtos.Summary((UUID) r[0], (UUID) r[1], (String) r[2],
                (String) r[3], (String) r[4], instant(r[5]), (String) r[6], (String) r[7], (Boolean) r[8],
                ((Number) r[9]).intValue(), (String) r[10])).toList(), page, s -> Cursor.of(s.id())));
    }

    private Uni<List<MessageDtos.VersionView>> versions(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select version, text, media, language, risk, suggested_category, rules, received_at
                          from message_version where message_id = :id order by version""", Object[].class)
                .setParameter("id", id).getResultList())
                .map(rows -> rows.stream().map(r -> new MessageDtos.VersionView(((Number) r[0]).intValue(), (String) r[1],
                        read((String) r[2], MEDIA), (String) r[3], ((Number) r[4]).intValue(), (String) r[5],
                        read((String) r[6], RULES), instant(r[7]))).toList());
    }

    /** The SQL condition (on message m and community_copy c) that limits rows to what the caller may see. */
    private String visibility(Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        caller.tenantScope().ifPresent(tenant -> {
            where.append(" and m.tenant = :tenant");
            params.put("tenant", tenant);
        });
        boolean wholeTenant = caller.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SERVICE, Roles.CLIENT_ADMIN, Roles.AUDITOR,
                Roles.ANALYST, Roles.INTEGRATION);
        if (!wholeTenant) {
            where.append(" and c.staff_subjects like :staff");
            params.put("staff", "%," + caller.subject() + ",%");
        }
        return where.toString();
    }

    public static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 date-time with offset");
        }
    }

    /** A timestamptz column as the reactive driver returns it. */
    static Instant instant(Object column) {
        return switch (column) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.time.LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
            default -> throw new IllegalStateException("unexpected time type " + column.getClass());
        };
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventPayloads.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package app.vigie.registry.infrastructure;

import app.vigie.contracts.community.Platform;
import app.vigie.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Filtered, cursor-paged listing of communities. Ids are UUID v7, so ordering by id is ordering by creation and
 * the cursor is the last id returned: stable while rows are added.
 */
@ApplicationScoped
public class CommunityListing {

    /** Every filter is optional (null); {@code assignedTo} restricts to a person's communities. */
    public record Query(String tenant, Platform platform, String language, String status, String text,
                        String assignedTo) {
    }

    public Uni<List<CommunityEntity>> list(Query query, PageRequest page) {
        StringBuilder sql = new StringBuilder("select * from community c where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.tenant() != null) {
            sql.append(" and c.tenant = :tenant");
            params.put("tenant", query.tenant());
        }
        if (query.platform() != null) {
            sql.append(" and c.platform = :platform");
            params.put("platform", query.platform().name());
        }
        if (query.language() != null) {
            sql.append(" and (',' || c.languages || ',') like :language");
            params.put("language", "%," + query.language() + ",%");
        }
        if (query.status() != null) {
            sql.append(" and c.status = :status");
            params.put("status", query.status());
        }
        if (query.text() != null && !query.text().isBlank()) {
            sql.append(" and (lower(c.name) like :text or lower(c.external_id) like :text)");
            params.put("text", "%" + escapeLike(query.text().strip().toLowerCase()) + "%");
        }
        if (query.assignedTo() != null) {
            sql.append(" and c.id in (").append(AssignmentQueries.ASSIGNED_COMMUNITIES).append(")");
            params.put("subject", query.assignedTo());
        }
        page.after().ifPresent(cursor -> {
            sql.append(" and c.id > :after");
            try {
                params.put("after", UUID.fromString(cursor.key(0)));
            } catch (IllegalArgumentException e) {
                throw app.vigie.platform.problem.ProblemException.invalid("query.cursor", "not a cursor returned by this listing");
            }
        });
        sql.append(" order by c.id limit :limit");
        params.put("limit", page.fetchSize());
        return Panache.getSession().chain(session -> {
            var q = session.createNativeQuery(sql.toString(), CommunityEntity.class);
            params.forEach(q::setParameter);
            return q.getResultList();
        });
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

package app.vigie.scheduling.infrastructure;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.community.CommunitySnapshot;
import app.vigie.platform.messaging.IdempotentConsumer;
import app.vigie.scheduling.domain.CoveragePromise;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps {@code community_copy} from the registry's snapshots: a snapshot replaces the copy when its revision is
 * newer, so a redelivered or late event never rolls a community back.
 */
@ApplicationScoped
public class CommunityCopies {

    private static final Logger LOG = Logger.getLogger(CommunityCopies.class);
    static final String CONSUMER = "scheduling.community-copy";
    private static final TypeReference<List<CommunitySnapshot.AssignedStaff>> STAFF = new TypeReference<>() {
    };

    @Inject
    IdempotentConsumer once;
    @Inject
    Clock clock;

    @Incoming("community-events")
    public Uni<Void> consume(byte[] body) {
        EventEnvelope event = IdempotentConsumer.envelope(body);
        CommunitySnapshot snapshot = EventPayloads.read(event, CommunitySnapshot.class);
        return once.applyOnce(CONSUMER, event, () -> apply(snapshot)).replaceWithVoid();
    }

    /** Applies a snapshot in a transaction of its own (tests and the consumer). */
    public Uni<Void> applyInTransaction(CommunitySnapshot s) {
        return Panache.withTransaction(() -> apply(s));
    }

    Uni<Void> apply(CommunitySnapshot s) {
        return CommunityCopyEntity.<CommunityCopyEntity>findById(s.communityId()).chain(existing -> {
            if (existing != null && existing.revision >= s.revision()) {
                LOG.debugf("community %s: snapshot revision %d is not newer than %d, ignored", s.communityId(),
                        s.revision(), existing.revision);
                return Uni.createFrom().voidItem();
            }
            CommunityCopyEntity copy = existing == null ? new CommunityCopyEntity() : existing;
            copy.id = s.communityId();
            copy.tenant = s.tenant();
            copy.name = s.name();
            copy.timeZone = s.timeZone();
            copy.languages = String.join(",", s.languages());
            copy.replySlaMinutes = s.replySlaMinutes();
            copy.coverage = JsonColumns.write(s.coverage());
            copy.callbackUrl = s.callbackUrl();
            copy.callbackSecretRef = s.callbackSecretRef();
            copy.status = s.status();
            copy.staff = JsonColumns.write(s.staff() == null ? List.of() : s.staff());
            copy.revision = s.revision();
            copy.copiedAt = clock.instant();
            return copy.persist().replaceWithVoid();
        });
    }

    /** The staff a copy lists. */
    public static List<CommunitySnapshot.AssignedStaff> staff(CommunityCopyEntity copy) {
        return staff(copy.staff);
    }

    /** The staff of a copy's {@code staff} column, as the jobs read it with plain JDBC. */
    public static List<CommunitySnapshot.AssignedStaff> staff(String json) {
        return JsonColumns.read(json, STAFF);
    }

    /** The coverage promise a copy carries, in the community's zone. */
    public static CoveragePromise promise(String coverageJson, String timeZone) {
        try {
            CommunitySnapshot.Coverage coverage = EventPayloads.mapper().readValue(coverageJson, CommunitySnapshot.Coverage.class);
            java.util.Map<String, List<java.util.Map<String, String>>> hours = coverage == null || coverage.hours() == null ? null
                    : coverage.hours().entrySet().stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey,
                    e -> e.getValue().stream().map(r -> java.util.Map.of("from", r.from(), "to", r.to())).toList()));
            return CoveragePromise.of(coverage == null ? null : coverage.mode(), hours, java.time.ZoneId.of(timeZone));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable coverage promise: " + coverageJson, e);
        }
    }

    public static CoveragePromise promise(CommunityCopyEntity copy) {
        return promise(copy.coverage, copy.timeZone);
    }
}

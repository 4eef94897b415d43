package app.vigie.moderation.audit;

import app.vigie.moderation.application.Actor;
import app.vigie.moderation.infrastructure.Axon;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.security.Caller;
import app.vigie.platform.security.Roles;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Rebuilds a projection from the events: its processor is stopped, its token reset (its reset handler empties its
 * tables), and it replays the whole store. The work queue ({@code case-queue}, with the exposure counts) and the
 * decision log ({@code audit-log}) can be rebuilt; the integration events cannot (a replay would publish again the
 * decisions whose outbox rows have been cleaned up).
 */
@ApplicationScoped
public class ProjectionRebuild {

    /** The projections that may be rebuilt. */
    public static final List<String> REBUILDABLE = List.of(Axon.QUEUE, DecisionLog.PROCESSOR);

    @Inject
    Axon axon;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventStore events;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /**
     * Where a projection stands: its position in the store against the store's head, whether it is replaying, and
     * the share done.
     */
    public record Progress(String projection, boolean rebuildable, boolean running, boolean replaying, long position,
                           long head, double done) {
    }

    public List<Progress> all() {
        long head = head();
        return List.of(Axon.QUEUE, Axon.INTEGRATION, DecisionLog.PROCESSOR).stream()
                .map(name -> progress(name, head)).toList();
    }

    public Progress of(String name) {
        if (!List.of(Axon.QUEUE, Axon.INTEGRATION, DecisionLog.PROCESSOR).contains(name)) {
            throw ProblemException.notFound("projection " + name);
        }
        return progress(name, head());
    }

    /** Starts the rebuild and returns at once; {@link #of} follows it. Recorded as an event. */
    public synchronized Progress rebuild(String name) {
        if (!REBUILDABLE.contains(name)) {
            if (Axon.INTEGRATION.equals(name)) {
                throw ProblemException.conflict("path.name",
                        "integration-events publishes events: replaying it would publish old decisions again");
            }
            throw ProblemException.notFound("projection " + name);
        }
        TrackingEventProcessor processor = processor(name);
        if (processor.isReplaying()) {
            throw ProblemException.conflict("path.name", name + " is being rebuilt already");
        }
        events.publish(GenericEventMessage.asEventMessage(new AuditEvents.ProjectionReset(null, name,
                caller.subject(), clock.instant()))
                .andMetaData(Map.of(Actor.SUBJECT, caller.subject(), Actor.ROLE, Roles.PLATFORM_ADMIN)));
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return of(name);
    }

    private Progress progress(String name, long head) {
        TrackingEventProcessor processor = processor(name);
        long position = processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition).filter(java.util.OptionalLong::isPresent)
                .mapToLong(java.util.OptionalLong::getAsLong).min().orElse(0);
        boolean replaying = processor.isReplaying();
        double done = head == 0 ? 1.0 : Math.min(1.0, (double) position / head);
        return new Progress(name, REBUILDABLE.contains(name), processor.isRunning(), replaying, position, head,
                Math.round(done * 1000) / 1000.0);
    }

    private TrackingEventProcessor processor(String name) {
        return axon.processor(name).orElseThrow(() -> ProblemException.notFound("projection " + name));
    }

    private long head() {
        try (Connection c = dataSource.getConnection(); var select = c.createStatement();
             ResultSet r = select.executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the head of the event store", e);
        }
    }
}

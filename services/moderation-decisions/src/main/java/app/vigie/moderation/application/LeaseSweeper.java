package app.vigie.moderation.application;

import app.vigie.moderation.domain.CaseCommands.ExpireLease;
import app.vigie.moderation.infrastructure.QueueRows;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jboss.logging.Logger;

/**
 * Puts back in the queue the cases whose claim ran out. A lapsed claim already stops counting the moment it runs
 * out (anyone may claim the case, the claimant can no longer decide); this records it as an event, for the
 * history and for the queue.
 */
@ApplicationScoped
public class LeaseSweeper {

    private static final Logger LOG = Logger.getLogger(LeaseSweeper.class);

    @Inject
    QueueRows queue;
    @Inject
    CommandGateway commands;
    @Inject
    Clock clock;

    @Scheduled(every = "${vigie.moderation.lease-sweep:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        sweep(clock.instant());
    }

    /** Expires the lapsed claims as of {@code now}; returns how many it looked at. */
    public int sweep(Instant now) {
        var lapsed = queue.expiredLeases(now, 500);
        for (UUID caseId : lapsed) {
            try {
                commands.sendAndWait(Actor.LEASE_SWEEPER.command(new ExpireLease(caseId, now)));
            } catch (RuntimeException e) {
                LOG.warnf(e, "case %s: lease expiry failed, next sweep retries", caseId);
            }
        }
        return lapsed.size();
    }
}

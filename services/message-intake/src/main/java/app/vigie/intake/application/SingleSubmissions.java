package app.vigie.intake.application;

import app.vigie.platform.request.RequestIds;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gathers single-message submissions that arrive within a few milliseconds of each other and stores them
 * in one transaction (group commit): each request still gets its own answer, and waits at most the linger time
 * longer, but a message costs a share of one commit and a few set-wise statements instead of a transaction of its
 * own. If the shared transaction fails, each message is stored again alone, so that one bad message cannot fail
 * the others.
 */
@ApplicationScoped
public class SingleSubmissions {

    @Inject
    Ingestion ingestion;
    @Inject
    Vertx vertx;
    @ConfigProperty(name = "vigie.intake.single.linger", defaultValue = "PT0.004S")
    Duration linger;
    @ConfigProperty(name = "vigie.intake.single.max-batch", defaultValue = "200")
    int maxBatch;

    private record Pending(Ingestion.Submitted item, Predicate<String> mayPostTo, String requestId,
                           CompletableFuture<Ingestion.Outcome> outcome) {
    }

    private final Object lock = new Object();
    private List<Pending> waiting = new ArrayList<>();
    private boolean flushPlanned;

    /**
     * Stores one message with the others waiting. {@code mayPostTo} must not depend on the request's context
     * (it is evaluated in the shared transaction): pass the caller's tenant, not the request-scoped caller.
     */
    public Uni<Ingestion.Outcome> submit(Ingestion.Submitted item, Predicate<String> mayPostTo) {
        Pending pending = new Pending(item, mayPostTo, RequestIds.current(), new CompletableFuture<>());
        List<Pending> full = null;
        boolean plan = false;
        synchronized (lock) {
            waiting.add(pending);
            if (waiting.size() >= maxBatch) {
                full = waiting;
                waiting = new ArrayList<>();
            } else if (!flushPlanned) {
                flushPlanned = true;
                plan = true;
            }
        }
        if (full != null) {
            store(full);
        } else if (plan) {
            vertx.setTimer(Math.max(1, linger.toMillis()), id -> flush());
        }
        return Uni.createFrom().completionStage(pending.outcome());
    }

    private void flush() {
        List<Pending> batch;
        synchronized (lock) {
            batch = waiting;
            waiting = new ArrayList<>();
            flushPlanned = false;
        }
        if (!batch.isEmpty()) {
            store(batch);
        }
    }

    /** Runs the batch on a fresh, safe Vert.x sub-context: Hibernate Reactive's session lives there. */
    private void store(List<Pending> batch) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> {
            List<Ingestion.Submitted> items = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Ingestion.Submitted item = batch.get(i).item();
                items.add(new Ingestion.Submitted(i, item.fieldPrefix(), item.message()));
            }
            ingestion.ingestEach(items, batch.stream().map(Pending::mayPostTo).toList(),
                            batch.stream().map(Pending::requestId).toList())
                    .subscribe().with(outcomes -> {
                        for (Ingestion.Outcome o : outcomes) {
                            Pending p = batch.get(o.index());
                            p.outcome().complete(new Ingestion.Outcome(p.item().index(), o.id(), o.created(),
                                    o.hidden(), o.risk(), o.suggestedCategory(), o.problem()));
                        }
                    }, failure -> {
                        if (batch.size() == 1) {
                            batch.get(0).outcome().completeExceptionally(failure);
                        } else {
                            batch.forEach(p -> store(List.of(p)));
                        }
                    });
        });
    }
}

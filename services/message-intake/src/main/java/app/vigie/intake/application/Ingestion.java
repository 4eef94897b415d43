package app.vigie.intake.application;

import app.vigie.contracts.EventTypes;
import app.vigie.contracts.community.ModerationMode;
import app.vigie.contracts.message.MessageReceived;
import app.vigie.contracts.message.MessageRemoved;
import app.vigie.intake.api.MessageDtos;
import app.vigie.intake.infrastructure.CommunityCopyEntity;
import app.vigie.intake.infrastructure.MessageStore;
import app.vigie.intake.triage.Triage;
import app.vigie.platform.id.UuidV7;
import app.vigie.platform.outbox.Outbox;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores submitted messages: resolves each one's community from the local copy, triages it, writes it with its
 * first version and its {@code message.received} event in one transaction. A replay of a (community, external
 * id) already stored answers the existing id and writes nothing.
 */
@ApplicationScoped
public class Ingestion {

    @Inject
    Caller caller;
    @Inject
    TriageEngine triage;
    @Inject
    MessageStore store;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @ConfigProperty(name = "vigie.triage.repeat-window", defaultValue = "PT10M")
    Duration repeatWindow;

    /** An item that passed validation, with its position in the request (for field names like items[3].text). */
    public record Submitted(int index, String fieldPrefix, MessageDtos.In message) {
    }

    /** What became of one item: stored now, already there, or refused with a problem. */
    public record Outcome(int index, UUID id, boolean created, boolean hidden, int risk, String suggestedCategory,
                          ProblemException problem) {
    }

    /** A change a platform reports: a new message, a new version of one, or its removal. */
    public sealed interface Change permits Add, Edit, Remove {
    }

    public record Add(Submitted item) implements Change {
    }

    public record Edit(Submitted item) implements Change {
    }

    public record Remove(Submitted item) implements Change {
    }

    /** Submissions of an authenticated caller: only to the communities of its own company (all for platform staff). */
    @WithTransaction
    public Uni<List<Outcome>> ingest(List<Submitted> items) {
        return apply(items.stream().<Change>map(Add::new).toList(), caller::canSee);
    }

    /**
     * Applies the changes in order, in one transaction. {@code mayPostTo} says which tenants' communities the
     * sender may write to: the caller's for the REST API; any for a webhook, whose signature proved it.
     */
    @WithTransaction
    public Uni<List<Outcome>> apply(List<Change> changes, Predicate<String> mayPostTo) {
        Batch batch = new Batch();
        Uni<Void> resolved = Uni.createFrom().voidItem();
        for (Change change : changes) {
            resolved = resolved.chain(() -> community(itemOf(change), batch.communities)).replaceWithVoid();
        }
        return resolved.chain(() -> countRepeats(changes, batch)).chain(() -> {
            List<Outcome> outcomes = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Change change : changes) {
                chain = chain.chain(() -> one(change, batch, mayPostTo)).invoke(outcomes::add).replaceWithVoid();
            }
            return chain.replaceWith(outcomes);
        });
    }

    /** What one request shares across its items: the communities, first triages and recent-repeat counts. */
    private static final class Batch {
        final Map<String, CommunityCopyEntity> communities = new HashMap<>();
        final Map<Submitted, Triage> firstTriage = new java.util.IdentityHashMap<>();
        /** tenant → fingerprint → how many times seen in the window, counting this batch's earlier items */
        final Map<String, Map<String, Integer>> repeats = new HashMap<>();
    }

    /** One query per tenant for the whole batch, instead of one per message. */
    private Uni<Void> countRepeats(List<Change> changes, Batch batch) {
        Map<String, java.util.Set<String>> fingerprints = new HashMap<>();
        for (Change change : changes) {
            Submitted item = itemOf(change);
            CommunityCopyEntity community = batch.communities.get(key(item.message()));
            if (community != null && !(change instanceof Remove)) {
                Triage first = triage.assess(item.message().text(), community, 0);
                batch.firstTriage.put(item, first);
                fingerprints.computeIfAbsent(community.tenant, t -> new java.util.HashSet<>()).add(first.fingerprint());
            }
        }
        Instant now = clock.instant();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, java.util.Set<String>> tenant : fingerprints.entrySet()) {
            chain = chain.chain(() -> store.recentRepeats(tenant.getKey(), tenant.getValue(), now, repeatWindow)
                    .invoke(counts -> batch.repeats.put(tenant.getKey(), new HashMap<>(counts))).replaceWithVoid());
        }
        return chain;
    }

    private static Submitted itemOf(Change change) {
        return switch (change) {
            case Add add -> add.item();
            case Edit edit -> edit.item();
            case Remove remove -> remove.item();
        };
    }

    private Uni<Outcome> one(Change change, Batch batch, Predicate<String> mayPostTo) {
        Submitted item = itemOf(change);
        CommunityCopyEntity community = batch.communities.get(key(item.message()));
        if (community == null || !mayPostTo.test(community.tenant)) {
            return Uni.createFrom().item(refused(item, ProblemException.invalid(
                    item.fieldPrefix() + (item.message().communityId() != null ? "communityId" : "pageId"),
                    "no such community")));
        }
        if (!"ACTIVE".equals(community.status)) {
            return Uni.createFrom().item(refused(item, ProblemException.conflict(item.fieldPrefix() + "communityId",
                    "the community is archived")));
        }
        return switch (change) {
            case Add add -> store(item, community, batch);
            case Edit edit -> edit(item, community, batch);
            case Remove remove -> remove(item, community);
        };
    }

    /** The triage of an item, counting how often its text was seen recently (and earlier in this batch). */
    private Triage triage(Submitted item, CommunityCopyEntity community, Batch batch) {
        Triage first = batch.firstTriage.get(item);
        Map<String, Integer> counts = batch.repeats.computeIfAbsent(community.tenant, t -> new HashMap<>());
        int repeats = counts.getOrDefault(first.fingerprint(), 0);
        counts.merge(first.fingerprint(), 1, Integer::sum);
        return repeats == 0 ? first : triage.assess(item.message().text(), community, repeats);
    }

    /** A new version of a known message (re-triaged, back to pending), or a new message if it is unknown. */
    private Uni<Outcome> edit(Submitted item, CommunityCopyEntity community, Batch batch) {
        return store.current(community.id, item.message().externalId()).chain(current -> {
            if (current.isEmpty()) {
                return store(item, community, batch);
            }
            MessageStore.Current message = current.get();
            Instant now = clock.instant();
            Triage result = triage(item, community, batch);
            boolean hidden = hidden(community, result);
            MessageReceived event = event(message.id(), message.version() + 1, item.message(), community, result,
                    hidden, now);
            return store.newVersion(event, result.risk())
                    .chain(() -> store.insertVersion(event))
                    .chain(() -> outbox.append(EventTypes.MESSAGE_RECEIVED, MessageReceived.VERSION, community.tenant, event))
                    .replaceWith(new Outcome(item.index(), message.id(), true, hidden, result.risk(), category(result), null));
        });
    }

    private Uni<Outcome> remove(Submitted item, CommunityCopyEntity community) {
        Instant now = clock.instant();
        return store.markRemoved(community.id, item.message().externalId()).chain(removed -> removed
                .map(id -> outbox.append(EventTypes.MESSAGE_REMOVED, MessageRemoved.VERSION, community.tenant,
                                new MessageRemoved(id, community.id, community.tenant, item.message().externalId(), now))
                        .replaceWith(new Outcome(item.index(), id, true, false, 0, null, null)))
                .orElseGet(() -> Uni.createFrom().item(new Outcome(item.index(), null, false, false, 0, null, null))));
    }

    private Uni<Outcome> store(Submitted item, CommunityCopyEntity community, Batch batch) {
        MessageDtos.In in = item.message();
        Instant now = clock.instant();
        Triage result = triage(item, community, batch);
        boolean hidden = hidden(community, result);
        MessageReceived event = event(UuidV7.generate(clock), 1, in, community, result, hidden, now);
        return store.insertMessage(event.messageId(), event, result.risk()).chain(inserted -> {
            if (inserted.isEmpty()) {
                return store.existing(community.id, in.externalId())
                        .map(id -> new Outcome(item.index(), id, false, hidden, result.risk(), category(result), null));
            }
            return store.insertVersion(event)
                    .chain(() -> outbox.append(EventTypes.MESSAGE_RECEIVED, MessageReceived.VERSION, community.tenant, event))
                    .replaceWith(new Outcome(item.index(), event.messageId(), true, hidden, result.risk(),
                            category(result), null));
        });
    }

    /** The item's community; each copy is looked up once per request. */
    private Uni<CommunityCopyEntity> community(Submitted item, Map<String, CommunityCopyEntity> cache) {
        MessageDtos.In in = item.message();
        String key = key(in);
        Uni<CommunityCopyEntity> found = cache.containsKey(key) ? Uni.createFrom().item(cache.get(key))
                : (in.communityId() != null
                        ? CommunityCopyEntity.<CommunityCopyEntity>findById(in.communityId())
                        : CommunityCopyEntity.<CommunityCopyEntity>find("platform = ?1 and externalId = ?2",
                                in.platform(), in.pageId()).firstResult())
                        .invoke(c -> cache.put(key, c));
        return found;
    }

    private static String key(MessageDtos.In in) {
        return in.communityId() != null ? in.communityId().toString() : in.platform() + "/" + in.pageId();
    }

    /** A priori, everything waits hidden; a posteriori, only what triage rates above the policy's threshold. */
    private static boolean hidden(CommunityCopyEntity community, Triage result) {
        return community.moderationMode == ModerationMode.A_PRIORI
                || result.risk() / 100.0 > community.autoHideThreshold.doubleValue();
    }

    private static MessageReceived event(UUID id, int version, MessageDtos.In in, CommunityCopyEntity community,
                                         Triage triage, boolean hidden, Instant now) {
        List<MessageReceived.Rule> rules = triage.rules().stream()
                .map(r -> new MessageReceived.Rule(r.rule(), r.category(), r.weight(), r.start(), r.end(), r.matched()))
                .toList();
        List<MessageReceived.Media> media = in.media() == null ? List.of() : in.media().stream()
                .map(m -> new MessageReceived.Media(m.type(), m.url(), m.sha256(), m.size())).toList();
        return new MessageReceived(id, version, community.id, community.tenant, community.platform, community.moderationMode,
                community.policyVersion, in.externalId(), in.threadId(), in.parentId(),
                in.author() == null ? null : new MessageReceived.Author(in.author().id(), in.author().name()),
                in.text(), media, in.permalink(), in.postedAt() == null ? null : in.postedAt().toInstant(), now,
                new MessageReceived.Triage(triage.language(), triage.risk(), triage.suggestedCategory(), rules,
                        triage.fingerprint()),
                hidden);
    }

    private static String category(Triage triage) {
        return triage.suggestedCategory() == null ? null : triage.suggestedCategory().name();
    }

    private static Outcome refused(Submitted item, ProblemException problem) {
        return new Outcome(item.index(), null, false, false, 0, null, problem);
    }

}

package app.vigie.intake.application;

import app.vigie.contracts.EventTypes;
import app.vigie.contracts.community.ModerationMode;
import app.vigie.contracts.message.MessageReceived;
import app.vigie.contracts.message.MessageRemoved;
import app.vigie.intake.api.MessageDtos;
import app.vigie.intake.infrastructure.CommunityCopyEntity;
import app.vigie.intake.infrastructure.MessageStore;
import app.vigie.intake.triage.Triage;
import app.vigie.intake.triage.TriageInput;
import app.vigie.platform.id.UuidV7;
import app.vigie.platform.outbox.Outbox;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
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
import java.util.function.BiPredicate;
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
     * Consecutive new messages are written together, a few statements for the whole run whatever its length;
     * edits and removals, rarer, one at a time in their place.
     */
    @WithTransaction
    public Uni<List<Outcome>> apply(List<Change> changes, Predicate<String> mayPostTo) {
        return applyAll(changes, (item, tenant) -> mayPostTo.test(tenant));
    }

    /**
     * New messages from different senders, in one transaction: each item with what its own sender may post to
     * (see {@link SingleSubmissions}, which gathers concurrent single submissions).
     */
    @WithTransaction
    public Uni<List<Outcome>> ingestEach(List<Submitted> items, List<Predicate<String>> mayPostTo,
                                         List<String> requestIds) {
        Map<Submitted, Predicate<String>> senders = new java.util.IdentityHashMap<>();
        Map<Submitted, String> requests = new java.util.IdentityHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            senders.put(items.get(i), mayPostTo.get(i));
            requests.put(items.get(i), requestIds.get(i));
        }
        return applyAll(items.stream().<Change>map(Add::new).toList(),
                (item, tenant) -> senders.get(item).test(tenant), requests);
    }

    private Uni<List<Outcome>> applyAll(List<Change> changes, BiPredicate<Submitted, String> mayPostTo) {
        return applyAll(changes, mayPostTo, Map.of());
    }

    private Uni<List<Outcome>> applyAll(List<Change> changes, BiPredicate<Submitted, String> mayPostTo,
                                        Map<Submitted, String> requestIds) {
        return communities(changes).chain(communities -> {
            Batch batch = new Batch(communities, requestIds);
            // A Multi rather than a chain of Unis: a chain a thousand deep overflows the stack of a cold JVM.
            return countRepeats(changes, batch).chain(() -> Multi.createFrom().iterable(runs(changes))
                    .onItem().transformToUniAndConcatenate(run -> run.getFirst() instanceof Add
                            ? storeNew(run.stream().map(Ingestion::itemOf).toList(), batch, mayPostTo)
                            : one(run.getFirst(), batch, mayPostTo).map(List::of))
                    .collect().in(ArrayList<Outcome>::new, List::addAll)
                    .map(outcomes -> {
                        outcomes.sort(java.util.Comparator.comparingInt(Outcome::index));
                        return outcomes;
                    }));
        });
    }

    /** The changes cut into runs: each run is consecutive additions, or one edit or removal alone. */
    private static List<List<Change>> runs(List<Change> changes) {
        List<List<Change>> runs = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof Add && !runs.isEmpty() && runs.getLast().getFirst() instanceof Add) {
                runs.getLast().add(change);
            } else {
                runs.add(new ArrayList<>(List.of(change)));
            }
        }
        return runs;
    }

    /** What one request shares across its items: the communities, first triages and recent-repeat counts. */
    private static final class Batch {
        final Map<String, CommunityCopyEntity> communities;
        final Map<Submitted, Triage> firstTriage = new java.util.IdentityHashMap<>();
        /** tenant → fingerprint → how many times seen in the window, counting this batch's earlier items */
        final Map<String, Map<String, Integer>> repeats = new HashMap<>();

        /** The request each item came from, when items of several requests are stored together. */
        final Map<Submitted, String> requestIds;

        Batch(Map<String, CommunityCopyEntity> communities, Map<Submitted, String> requestIds) {
            this.communities = communities;
            this.requestIds = requestIds;
        }
    }

    /**
     * Triages every item once, then counts recent repeats with one query per tenant for the whole batch, instead
     * of one per message.
     */
    private Uni<Void> countRepeats(List<Change> changes, Batch batch) {
        Map<String, java.util.Set<String>> fingerprints = new HashMap<>();
        Runnable triageAll = () -> {
            for (Change change : changes) {
                Submitted item = itemOf(change);
                CommunityCopyEntity community = batch.communities.get(key(item.message()));
                if (community != null && !(change instanceof Remove)) {
                    Triage first = triage.assess(item.message().text(), community, 0);
                    batch.firstTriage.put(item, first);
                    fingerprints.computeIfAbsent(community.tenant, t -> new java.util.HashSet<>()).add(first.fingerprint());
                }
            }
        };
        return offEventLoopIfHeavy(changes, batch, triageAll).chain(() -> repeatCounts(fingerprints, batch));
    }

    /**
     * Runs the triage of a batch, or of a message that needs language detection, on a worker thread: a thousand
     * triages take tens of milliseconds, and Lingua waits on the common fork-join pool, which must never happen
     * on an event loop. The result comes back on this request's Vert.x context, where its database session lives.
     */
    private static Uni<Void> offEventLoopIfHeavy(List<Change> changes, Batch batch, Runnable work) {
        boolean detectsLanguage = batch.communities.values().stream()
                .anyMatch(c -> c != null && c.languages != null && c.languages.contains(","));
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        if (context == null || (changes.size() < HEAVY_BATCH && !detectsLanguage)) {
            work.run();
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().completionStage(() -> context.<Void>executeBlocking(() -> {
            work.run();
            return null;
        }, false).toCompletionStage());
    }

    /** From this many items, a batch's triage leaves the event loop. */
    private static final int HEAVY_BATCH = 20;

    private Uni<Void> repeatCounts(Map<String, java.util.Set<String>> fingerprints, Batch batch) {
        Instant now = clock.instant();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, java.util.Set<String>> tenant : fingerprints.entrySet()) {
            chain = chain.chain(() -> store.recentRepeats(tenant.getKey(), tenant.getValue(), now, repeatWindow,
                            TriageInput.REPEATS_THAT_COUNT)
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

    /** Why an item cannot be applied to its community (unknown to the sender, or archived); null when it can. */
    private static ProblemException refusal(Submitted item, CommunityCopyEntity community,
                                            BiPredicate<Submitted, String> mayPostTo) {
        if (community == null || !mayPostTo.test(item, community.tenant)) {
            return ProblemException.invalid(
                    item.fieldPrefix() + (item.message().communityId() != null ? "communityId" : "pageId"),
                    "no such community");
        }
        if (!"ACTIVE".equals(community.status)) {
            return ProblemException.conflict(item.fieldPrefix() + "communityId", "the community is archived");
        }
        return null;
    }

    private Uni<Outcome> one(Change change, Batch batch, BiPredicate<Submitted, String> mayPostTo) {
        Submitted item = itemOf(change);
        CommunityCopyEntity community = batch.communities.get(key(item.message()));
        ProblemException refusal = refusal(item, community, mayPostTo);
        if (refusal != null) {
            return Uni.createFrom().item(refused(item, refusal));
        }
        return switch (change) {
            case Add add -> storeNew(List.of(item), batch, mayPostTo).map(List::getFirst);
            case Edit edit -> edit(item, community, batch);
            case Remove remove -> remove(item, community);
        };
    }

    /** A new message about to be written, and the item it came from. */
    private record New(Submitted item, MessageReceived event) {
    }

    /**
     * Stores new messages: one statement writes the messages and their first versions, one finds the ids of
     * those already stored (replays), one appends the events of those created. An item repeating an earlier one
     * of the same request (same community and external id) is a duplicate of it.
     */
    private Uni<List<Outcome>> storeNew(List<Submitted> items, Batch batch, BiPredicate<Submitted, String> mayPostTo) {
        List<Outcome> refusals = new ArrayList<>();
        Map<MessageStore.Key, New> firsts = new java.util.LinkedHashMap<>();
        Map<Submitted, MessageStore.Key> repeated = new java.util.IdentityHashMap<>();
        Instant now = clock.instant();
        for (Submitted item : items) {
            CommunityCopyEntity community = batch.communities.get(key(item.message()));
            ProblemException refusal = refusal(item, community, mayPostTo);
            if (refusal != null) {
                refusals.add(refused(item, refusal));
                continue;
            }
            MessageStore.Key key = new MessageStore.Key(community.id, item.message().externalId());
            if (firsts.containsKey(key)) {
                repeated.put(item, key);
                continue;
            }
            Triage result = triage(item, community, batch);
            firsts.put(key, new New(item, event(UuidV7.generate(clock), 1, item.message(), community, result,
                    hidden(community, result), now)));
        }
        List<MessageReceived> events = firsts.values().stream().map(New::event).toList();
        return store.insertNew(events).chain(inserted -> {
            List<MessageStore.Key> replayed = firsts.entrySet().stream()
                    .filter(e -> !inserted.contains(e.getValue().event().messageId())).map(Map.Entry::getKey).toList();
            return store.idsOf(replayed).chain(existing -> {
                List<Outcome> outcomes = new ArrayList<>(refusals);
                firsts.forEach((key, n) -> outcomes.add(inserted.contains(n.event().messageId())
                        ? outcome(n.item(), n.event().messageId(), true, n.event())
                        : stored(n.item(), existing.get(key), n.event())));
                repeated.forEach((item, key) -> {
                    MessageReceived first = firsts.get(key).event();
                    outcomes.add(stored(item, inserted.contains(first.messageId()) ? first.messageId() : existing.get(key),
                            first));
                });
                List<Outbox.Event> created = firsts.values().stream()
                        .filter(n -> inserted.contains(n.event().messageId()))
                        .map(n -> new Outbox.Event(EventTypes.MESSAGE_RECEIVED, MessageReceived.VERSION,
                                n.event().tenant(), n.event(), batch.requestIds.get(n.item())))
                        .toList();
                return outbox.appendAll(created).replaceWith(outcomes);
            });
        });
    }

    /** The answer for an item whose message was stored before (by an earlier request, or earlier in this one). */
    private static Outcome stored(Submitted item, UUID id, MessageReceived event) {
        if (id == null) {
            // Only possible if the row vanished between the insert and the lookup in this transaction.
            return refused(item, ProblemException.conflict(item.fieldPrefix() + "externalId",
                    "the message is being stored by another request; send it again"));
        }
        return outcome(item, id, false, event);
    }

    private static Outcome outcome(Submitted item, UUID id, boolean created, MessageReceived event) {
        return new Outcome(item.index(), id, created, event.hidden(), event.triage().risk(),
                event.triage().suggestedCategory() == null ? null : event.triage().suggestedCategory().name(), null);
    }

    /** The triage of an item, counting how often its text was seen recently (and earlier in this batch). */
    private Triage triage(Submitted item, CommunityCopyEntity community, Batch batch) {
        Triage first = batch.firstTriage.get(item);
        Map<String, Integer> counts = batch.repeats.computeIfAbsent(community.tenant, t -> new HashMap<>());
        int repeats = counts.getOrDefault(first.fingerprint(), 0);
        counts.merge(first.fingerprint(), 1, Integer::sum);
        return repeats == 0 ? first : triage.assess(item.message().text(), community, repeats, first.language());
    }

    /** A new version of a known message (re-triaged, back to pending), or a new message if it is unknown. */
    private Uni<Outcome> edit(Submitted item, CommunityCopyEntity community, Batch batch) {
        return store.current(community.id, item.message().externalId()).chain(current -> {
            if (current.isEmpty()) {
                return storeNew(List.of(item), batch, (i, tenant) -> true).map(List::getFirst);
            }
            MessageStore.Current message = current.get();
            Instant now = clock.instant();
            Triage result = triage(item, community, batch);
            boolean hidden = hidden(community, result);
            MessageReceived event = event(message.id(), message.version() + 1, item.message(), community, result,
                    hidden, now);
            return store.newVersion(event)
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

    /** The communities the changes name, by id or by platform page: one query per kind, whatever the count. */
    private static Uni<Map<String, CommunityCopyEntity>> communities(List<Change> changes) {
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        Map<app.vigie.contracts.community.Platform, java.util.Set<String>> pages = new HashMap<>();
        for (Change change : changes) {
            MessageDtos.In in = itemOf(change).message();
            if (in.communityId() != null) {
                ids.add(in.communityId());
            } else {
                pages.computeIfAbsent(in.platform(), p -> new java.util.HashSet<>()).add(in.pageId());
            }
        }
        List<String> pageKeys = new ArrayList<>();
        pages.forEach((platform, ids2) -> ids2.forEach(page -> pageKeys.add(platform.name() + "/" + page)));
        // One native query (no HQL to parse: the plan cache is off, see application.properties), both kinds at once.
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(session -> session.createNativeQuery("""
                        select * from community_copy
                         where id = any(cast(cast(:ids as text[]) as uuid[]))
                            or platform || '/' || external_id = any(cast(:pages as text[]))""",
                        CommunityCopyEntity.class)
                .setParameter("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .setParameter("pages", pageKeys.toArray(String[]::new))
                .getResultList())
                .map(list -> {
                    Map<String, CommunityCopyEntity> found = new HashMap<>();
                    for (CommunityCopyEntity c : list) {
                        found.put(c.id.toString(), c);
                        found.put(c.platform + "/" + c.externalId, c);
                    }
                    return found;
                });
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

package app.vigie.moderation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The chain's arithmetic: links recompute, and any change to any stored column breaks exactly its own link. */
class HashChainPropertiesTest {

    private static StoredEvent event(long index, String text) {
        String payload = "{\"tenant\":\"radio-horizon\",\"caseId\":\"c-" + index + "\",\"text\":\"" + text + "\"}";
        return new StoredEvent(index, "e-" + index, "c-" + (index % 7), index / 7, "ModerationCase",
                "2026-12-01T10:00:0" + (index % 10) + "Z", "app.vigie.moderation.domain.CaseEvents$CaseOpened", null,
                payload.getBytes(StandardCharsets.UTF_8), "{\"actor\":\"vigie\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static List<byte[]> chain(List<StoredEvent> events) {
        List<byte[]> hashes = new ArrayList<>();
        byte[] previous = StoredEvent.GENESIS;
        for (StoredEvent e : events) {
            previous = e.link(previous, HashChain.tenantOf(e.payload()));
            hashes.add(previous);
        }
        return hashes;
    }

    /** The first link whose hash, recomputed from its event and the previous stored hash, differs; -1 if none. */
    private static int firstBroken(List<StoredEvent> events, List<byte[]> stored) {
        for (int i = 0; i < events.size(); i++) {
            byte[] previous = i == 0 ? StoredEvent.GENESIS : stored.get(i - 1);
            StoredEvent e = events.get(i);
            if (!Arrays.equals(e.link(previous, HashChain.tenantOf(e.payload())), stored.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Property
    void anUntouchedChainVerifies(@ForAll @IntRange(min = 1, max = 40) int size,
                                  @ForAll @StringLength(max = 30) String text) {
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            events.add(event(i, text.replace("\"", "").replace("\\", "")));
        }
        assertThat(firstBroken(events, chain(events))).isEqualTo(-1);
    }

    @Property
    void changingAnyColumnOfOneEventBreaksExactlyItsLink(@ForAll @IntRange(min = 1, max = 30) int size,
                                                        @ForAll @IntRange(min = 0, max = 29) int victim,
                                                        @ForAll @IntRange(min = 0, max = 10) int column) {
        int at = victim % size;
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            events.add(event(i, "texte " + i));
        }
        List<byte[]> stored = chain(events);
        StoredEvent e = events.get(at);
        StoredEvent altered = switch (column) {
            case 0 -> new StoredEvent(e.globalIndex() + 1000, e.eventIdentifier(), e.aggregateIdentifier(),
                    e.sequenceNumber(), e.type(), e.timeStamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData());
            case 1 -> new StoredEvent(e.globalIndex(), e.eventIdentifier() + "x", e.aggregateIdentifier(),
                    e.sequenceNumber(), e.type(), e.timeStamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData());
            case 2 -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier() + "x",
                    e.sequenceNumber(), e.type(), e.timeStamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData());
            case 3 -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(),
                    e.sequenceNumber() + 1, e.type(), e.timeStamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData());
            case 4 -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(),
                    e.sequenceNumber(), null, e.timeStamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData());
            case 5 -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(),
                    e.sequenceNumber(), e.type(), "2026-12-01T11:00:00Z", e.payloadType(), e.payloadRevision(), e.payload(), e.metaData());
            case 6 -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(),
                    e.sequenceNumber(), e.type(), e.timeStamp(), e.payloadType() + "2", e.payloadRevision(), e.payload(), e.metaData());
            case 7 -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(),
                    e.sequenceNumber(), e.type(), e.timeStamp(), e.payloadType(), "2", e.payload(), e.metaData());
            case 8 -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(),
                    e.sequenceNumber(), e.type(), e.timeStamp(), e.payloadType(), e.payloadRevision(),
                    new String(e.payload(), StandardCharsets.UTF_8).replace("texte", "teXte").getBytes(StandardCharsets.UTF_8),
                    e.metaData());
            case 9 -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(),
                    e.sequenceNumber(), e.type(), e.timeStamp(), e.payloadType(), e.payloadRevision(), e.payload(), null);
            default -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(),
                    e.sequenceNumber(), e.type(), e.timeStamp(), e.payloadType(), e.payloadRevision(),
                    new String(e.payload(), StandardCharsets.UTF_8).replace("radio-horizon", "maison-lumen")
                            .getBytes(StandardCharsets.UTF_8), e.metaData());
        };
        events.set(at, altered);
        assertThat(firstBroken(events, stored)).isEqualTo(at);
    }

    @Property
    void fieldsCannotRunTogether(@ForAll @StringLength(min = 1, max = 10) String a, @ForAll @StringLength(min = 1, max = 10) String b) {
        // "ab" + "c" and "a" + "bc" in neighbouring columns must not give the same canonical form
        StoredEvent left = new StoredEvent(1, a + b, "x", 0, "T", "2026-12-01T10:00:00Z", "P", null, new byte[0], null);
        StoredEvent right = new StoredEvent(1, a, b + "x", 0, "T", "2026-12-01T10:00:00Z", "P", null, new byte[0], null);
        assertThat(left.canonical(null)).isNotEqualTo(right.canonical(null));
    }

    @Property
    void aLinkIsTheDigestOfThePreviousHashAndTheCanonicalForm(@ForAll @StringLength(max = 40) String text,
                                                               @ForAll byte[] payload, @ForAll boolean withMetaData,
                                                               @ForAll boolean withTenant) throws Exception {
        // link() feeds the digest field by field; the hash must stay the one over the canonical form's bytes, or
        // every chain written before would stop verifying
        StoredEvent e = new StoredEvent(42, text, "case-" + text, 3, "ModerationCase", "2026-12-01T10:00:00Z",
                "CaseOpened", null, payload, withMetaData ? text.getBytes(StandardCharsets.UTF_8) : null);
        byte[] previous = MessageDigest.getInstance("SHA-256").digest(payload);
        MessageDigest whole = MessageDigest.getInstance("SHA-256");
        whole.update(previous);
        whole.update(e.canonical(withTenant ? "radio-horizon" : null));
        assertThat(e.link(previous, withTenant ? "radio-horizon" : null)).isEqualTo(whole.digest());
    }
}

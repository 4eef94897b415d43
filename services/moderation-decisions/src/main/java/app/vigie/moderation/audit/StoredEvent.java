package app.vigie.moderation.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One row of the event store as it is stored (Axon's {@code domain_event_entry}), and its link in the hash chain.
 *
 * <p>The canonical form is the stored columns themselves, in a fixed order, each length-prefixed: the payload and
 * metadata as the bytes PostgreSQL holds, not a re-serialisation, so the same row always gives the same hash
 * whatever library versions read it. See docs/adr/0009.
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                          byte[] metaData) {

    /** The hash before the first link. */
    public static final byte[] GENESIS = new byte[32];

    /** The event's own time, as Axon wrote it. */
    public Instant occurredAt() {
        return Instant.parse(timeStamp);
    }

    /** SHA-256 over the previous link's hash, then this event's canonical form and the tenant it belongs to. */
    public byte[] link(byte[] previous, String tenant) {
        MessageDigest sha = sha256();
        sha.update(previous);
        // the canonical form fed to the digest field by field: the same bytes as canonical(tenant), without copying
        // every payload into a buffer first (verification hashes hundreds of thousands of events per request)
        ByteBuffer number = ByteBuffer.allocate(Long.BYTES);
        digestLong(sha, number, globalIndex);
        digestText(sha, number, eventIdentifier);
        digestText(sha, number, aggregateIdentifier);
        digestLong(sha, number, sequenceNumber);
        digestText(sha, number, type);
        digestText(sha, number, timeStamp);
        digestText(sha, number, payloadType);
        digestText(sha, number, payloadRevision);
        digestBinary(sha, number, payload);
        digestBinary(sha, number, metaData);
        digestText(sha, number, tenant);
        return sha.digest();
    }

    private static void digestLong(MessageDigest sha, ByteBuffer number, long value) {
        sha.update(number.clear().putLong(value).array(), 0, Long.BYTES);
    }

    private static void digestText(MessageDigest sha, ByteBuffer number, String value) {
        digestBinary(sha, number, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void digestBinary(MessageDigest sha, ByteBuffer number, byte[] value) {
        sha.update(number.clear().putInt(value == null ? -1 : value.length).array(), 0, Integer.BYTES);
        if (value != null) {
            sha.update(value);
        }
    }

    /** The canonical form as one array: what {@link #link} feeds the digest. */
    byte[] canonical(String tenant) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + payload.length
                + (metaData == null ? 0 : metaData.length));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(globalIndex);
            text(out, eventIdentifier);
            text(out, aggregateIdentifier);
            out.writeLong(sequenceNumber);
            text(out, type);
            text(out, timeStamp);
            text(out, payloadType);
            text(out, payloadRevision);
            binary(out, payload);
            binary(out, metaData);
            text(out, tenant);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        binary(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Length first (-1 for none), so that no two different rows can run together into the same bytes. */
    private static void binary(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }
}

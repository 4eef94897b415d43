package app.vigie.contracts.audit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Payload of {@code audit.chain-digest} (version 1): the head of moderation's hash chain at the end of a day (UTC).
 * Whoever keeps these can later check that the decision history up to each of them was not rewritten
 * ({@code GET /audit/digests/check}). Schema: {@code schemas/chain-digest.v1.json}.
 *
 * @param day      the day whose end the digest marks
 * @param chainSeq the last link chained before {@code cutoff}
 * @param hash     that link's SHA-256, hex
 * @param cutoff   the end of the day, exclusive
 */
public record ChainDigest(LocalDate day, long chainSeq, String hash, Instant cutoff) {

    public static final int VERSION = 1;
}

package app.vigie.platform.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures, compared in constant time so that timing reveals nothing about the expected value. */
public final class Signatures {

    private Signatures() {
    }

    public static String hmacSha256Hex(String secret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code header} ({@code sha256=<hex>}) is the signature of {@code payload} with {@code secret}. */
    public static boolean matches(String header, String secret, byte[] payload) {
        if (header == null || secret == null || !header.startsWith("sha256=")) {
            return false;
        }
        byte[] expected = ("sha256=" + hmacSha256Hex(secret, payload)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /**
     * A POST to a client system, signed as every call Vigie makes to one (docs/webhooks.md): the event type, the
     * delivery id (the same on every retry), the time, and {@code sha256=HMAC(secret, "<time>.<body>")}.
     */
    public static java.net.http.HttpRequest.Builder signedPost(java.net.URI url, String event, String delivery,
                                                                 String secret, String body, java.time.Instant now,
                                                                 java.time.Duration timeout) {
        String timestamp = Long.toString(now.getEpochSecond());
        return java.net.http.HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Vigie-Event", event)
                .header("X-Vigie-Delivery", delivery)
                .header("X-Vigie-Timestamp", timestamp)
                .header("X-Vigie-Signature", "sha256=" + hmacSha256Hex(secret,
                        (timestamp + "." + body).getBytes(StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
    }
}

package app.vigie.intake.triage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Identity of a message's wording, so that the service can count copies of the same text. */
public final class Fingerprint {

    // MessageDigest is not thread-safe and costs a lookup to create: one per thread.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Fingerprint::sha256);

    private Fingerprint() {
    }

    /**
     * SHA-256 (hex) of the normalised text in which every run of digits becomes one {@code 0} and every run of
     * anything that is neither letter nor digit becomes one space: spammers vary amounts, counters and
     * punctuation between copies, not words.
     */
    public static String of(String normalisedText) {
        String text = normalisedText == null ? "" : normalisedText;
        StringBuilder canonical = new StringBuilder(text.length());
        boolean inDigits = false;
        boolean inGap = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                if (!inDigits) {
                    canonical.append('0');
                }
                inDigits = true;
                inGap = false;
            } else if (Character.isLetter(c)) {
                canonical.append(Character.toLowerCase(c));
                inDigits = false;
                inGap = false;
            } else {
                if (!inGap) {
                    canonical.append(' ');
                }
                inDigits = false;
                inGap = true;
            }
        }
        int length = canonical.length();
        if (length > 0 && canonical.charAt(length - 1) == ' ') {
            canonical.setLength(length - 1);
        }
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

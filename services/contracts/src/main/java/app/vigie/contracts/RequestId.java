package app.vigie.contracts;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} that follows a request through Vigie (docs/api.md): a caller's value is kept when it
 * is 1 to 128 characters of {@code A-Z a-z 0-9 . _ : -}; anything else (spaces, control characters, very long
 * values) would pollute logs and is replaced by a new UUID.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestId() {
    }

    public static String accept(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}

package app.vigie.scheduling.domain;

import java.net.URI;

/** Links the calendar and the tasks keep (media, where a reply was posted): absolute http or https only. */
public final class WebAddress {

    private WebAddress() {
    }

    public static boolean isValid(String value) {
        try {
            URI uri = URI.create(value);
            return uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}

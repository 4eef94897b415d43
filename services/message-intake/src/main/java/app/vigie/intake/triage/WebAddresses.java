package app.vigie.intake.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds links and e-mail addresses, which are signals of their own and must not be read as words. */
final class WebAddresses {

    /** A link or an address in the original text. */
    record Found(int start, int end, String host) {
    }

    // Bare domains only count with a known top-level domain, so "etc.bla" or "fin.Le" are not links.
    // Read on the folded (lower-case) text. Bare domains only count with a known top-level domain, so "etc.bla"
    // or "fin.le" are not links. Boundaries are Unicode letters: "aaa.b.caé" is a word, not the domain "aaa.b.ca".
    private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}_.@-])";
    private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}_-])";
    private static final Pattern LINK = Pattern.compile(
            "(?:" + NOT_WORD_BEFORE + "(?:https?://|www\\.)[^\\s<>\"'«»]+"
                    + "|" + NOT_WORD_BEFORE + "(?:[a-z0-9][a-z0-9-]{0,62}+\\.)+"
                    + "(?:com|net|org|fr|io|co|uk|de|es|it|nl|be|ch|ca|pt|eu|info|biz|xyz|ly|me|gl|gd|to|tv|cc|"
                    + "us|app|shop|online|site|store|club|top|live|link|click|example|ru|cn|at|pl|se|ovh|gg|ai|"
                    + "sh|ee|in|id|su|win|bid|vip|pro|sex|xxx|porn|cam|dating)" + NOT_WORD_AFTER
                    + "(?:/[^\\s<>\"'«»]*)?)");

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.+-])[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}" + NOT_WORD_AFTER);

    private static final Set<String> SHORTENERS = Set.of(
            "bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "cutt.ly", "rebrand.ly",
            "shorturl.at", "tiny.cc", "lnkd.in", "rb.gy", "s.id", "t.ly", "bl.ink", "short.io", "v.gd", "tiny.one",
            "shorte.st", "adf.ly", "bitly.com", "shorturl.com", "urlz.fr", "tr.ee", "qrco.de", "x.co", "u.to");

    private WebAddresses() {
    }

    static List<Found> links(String text) {
        List<Found> found = null;
        int dot = text.indexOf('.');
        int searchedUpTo = 0;
        while (dot >= 0) {
            // Every link has a dot between two letters or digits ("bit.ly"): the regex only reads the run of
            // non-space characters around such a dot, not the whole message.
            if (dot > 0 && dot + 1 < text.length() && Character.isLetterOrDigit(text.charAt(dot - 1))
                    && Character.isLetterOrDigit(text.charAt(dot + 1))) {
                int start = dot;
                while (start > searchedUpTo && !Character.isWhitespace(text.charAt(start - 1))) {
                    start--;
                }
                int end = dot;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                Matcher m = LINK.matcher(text).region(start, end).useTransparentBounds(true).useAnchoringBounds(false);
                while (m.find()) {
                    int stop = trimTrailingPunctuation(text, m.start(), m.end());
                    if (stop > m.start()) {
                        if (found == null) {
                            found = new ArrayList<>(2);
                        }
                        found.add(new Found(m.start(), stop, host(text.substring(m.start(), stop))));
                    }
                }
                searchedUpTo = end;
                dot = text.indexOf('.', end);
            } else {
                dot = text.indexOf('.', dot + 1);
            }
        }
        return found == null ? List.of() : found;
    }

    static List<Found> emails(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            return List.of();
        }
        List<Found> found = new ArrayList<>(1);
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            String address = m.group();
            found.add(new Found(m.start(), m.end(), address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT)));
        }
        return found;
    }

    static boolean isShortener(String host) {
        return SHORTENERS.contains(host);
    }

    private static int trimTrailingPunctuation(String text, int start, int end) {
        while (end > start && ".,;:!?)]}'\"…".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static String host(String link) {
        String s = link.toLowerCase(Locale.ROOT);
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int slash = indexOfAny(s, "/?#");
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            s = s.substring(at + 1);
        }
        int colon = s.indexOf(':');
        if (colon >= 0) {
            s = s.substring(0, colon);
        }
        return s.startsWith("www.") ? s.substring(4) : s;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}

package app.vigie.intake.triage;

import app.vigie.contracts.community.Category;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers that identify or reach a person: phone numbers, IBANs, French social security numbers (NIR) and
 * payment cards. Numbers with a check key are only reported when the key is right, so order numbers and
 * references are left alone.
 */
final class PersonalData {

    static final int EMAIL_WEIGHT = 55;
    static final int PHONE_WEIGHT = 50;
    static final int IBAN_WEIGHT = 70;
    static final int NIR_WEIGHT = 75;
    static final int CARD_WEIGHT = 75;
    /** A long number that the writer calls personal ("mon numéro de sécu ...") even if no check key confirms it. */
    static final int UNVERIFIED_WEIGHT = 40;

    private static final Pattern IBAN = Pattern.compile(
            "(?i)(?<![a-z0-9])[a-z]{2}\\d{2}(?:[ ]?[a-z0-9]{4}){2,7}(?:[ ]?[a-z0-9]{1,3})?(?![a-z0-9])");
    private static final Pattern NIR = Pattern.compile(
            "(?<![\\d])([12])[ .]?(\\d{2})[ .]?(\\d{2})[ .]?(\\d{2}|2[abAB])[ .]?(\\d{3})[ .]?(\\d{3})[ .]?(\\d{2})(?!\\d)");
    private static final Pattern CARD = Pattern.compile("(?<![\\d])[3-6]\\d{3}(?:[ -]?\\d){9,15}(?!\\d)");
    private static final Pattern PHONE_INTERNATIONAL = Pattern.compile(
            "(?<![\\w+])(?:\\+|00)[1-9]\\d{0,2}(?:[ .-]?\\(0\\))?(?:[ .-]?\\d){6,12}(?!\\d)");
    private static final Pattern PHONE_NATIONAL = Pattern.compile(
            "(?<![\\w+])0[1-9](?:[ .-]?\\d){8,9}(?!\\d)|(?<![\\w(])\\(\\d{3}\\)[ .-]?\\d{3}[ .-]?\\d{4}(?!\\d)");
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\w])\\d(?:[ .-]?\\d){8,}(?!\\d)");

    // Lengths of the IBANs of the countries whose customers write to us; others only need 15..34 characters.
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("FR", 27), Map.entry("MC", 27), Map.entry("BE", 16), Map.entry("LU", 20), Map.entry("CH", 21),
            Map.entry("DE", 22), Map.entry("AT", 20), Map.entry("ES", 24), Map.entry("IT", 27), Map.entry("PT", 25),
            Map.entry("NL", 18), Map.entry("GB", 22), Map.entry("IE", 22));

    private PersonalData() {
    }

    /** Verified personal data, plus (in {@code unverified}) long numbers that only count with a context. */
    static List<RuleHit> find(String text, List<RuleHit> unverified) {
        if (countDigits(text) < 9) {
            return List.of();
        }
        List<RuleHit> hits = new ArrayList<>(1);
        // An IBAN opens with two letters and two digits ("FR76", "GB82"); its groups may hold letters too.
        for (int i = 0; i + 4 <= text.length(); i++) {
            if (isLetter(text, i) && isLetter(text, i + 1) && isDigit(text, i + 2) && isDigit(text, i + 3)
                    && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                Matcher m = region(IBAN, text, i, text.length());
                if (m.lookingAt() && isIban(m.group())) {
                    add(hits, text, "pii.iban", IBAN_WEIGHT, m.start(), m.end());
                    i = m.end();
                }
            }
        }
        // The other numbers are at least nine digits a few separators apart: only those clusters are read.
        int i = 0;
        while (i < text.length()) {
            if (!isDigit(text, i)) {
                i++;
                continue;
            }
            int start = i;
            int end = i;
            int digits = 0;
            int j = i;
            while (j < text.length() && j - end <= 3) {
                if (isDigit(text, j)) {
                    digits++;
                    end = j + 1;
                } else if (" .-()/+".indexOf(text.charAt(j)) < 0 && !isLetter(text, j) && text.charAt(j) != '\u00A0') {
                    break;
                }
                j++;
            }
            if (digits >= 9) {
                read(text, Math.max(0, start - 4), Math.min(text.length(), end + 1), hits, unverified);
            }
            i = end;
        }
        return hits;
    }

    private static void read(String text, int from, int to, List<RuleHit> hits, List<RuleHit> unverified) {
        Matcher m = region(NIR, text, from, to);
        while (m.find()) {
            if (!overlaps(hits, m.start(), m.end()) && isNir(m)) {
                add(hits, text, "pii.social-security-number", NIR_WEIGHT, m.start(), m.end());
            }
        }
        m = region(CARD, text, from, to);
        while (m.find()) {
            if (!overlaps(hits, m.start(), m.end()) && luhn(digits(m.group()))) {
                add(hits, text, "pii.payment-card", CARD_WEIGHT, m.start(), m.end());
            }
        }
        for (Pattern phone : List.of(PHONE_INTERNATIONAL, PHONE_NATIONAL)) {
            m = region(phone, text, from, to);
            while (m.find()) {
                int digits = digits(m.group()).length();
                if (!overlaps(hits, m.start(), m.end()) && digits >= 9 && digits <= 15) {
                    add(hits, text, "pii.phone", PHONE_WEIGHT, m.start(), m.end());
                }
            }
        }
        m = region(LONG_NUMBER, text, from, to);
        while (m.find()) {
            if (!overlaps(hits, m.start(), m.end())) {
                add(unverified, text, "pii.unverified-number", UNVERIFIED_WEIGHT, m.start(), m.end());
            }
        }
    }

    private static Matcher region(Pattern pattern, String text, int from, int to) {
        return pattern.matcher(text).region(from, to).useTransparentBounds(true).useAnchoringBounds(false);
    }

    private static boolean isDigit(String text, int i) {
        char c = text.charAt(i);
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(String text, int i) {
        char c = text.charAt(i);
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    static boolean isIban(String written) {
        String iban = written.replace(" ", "").toUpperCase(Locale.ROOT);
        Integer expected = IBAN_LENGTHS.get(iban.substring(0, 2));
        if (expected != null ? iban.length() != expected : iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (Character.isDigit(c)) {
                numeric.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                numeric.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** Key = 97 - (the 13 digits mod 97), Corsican departments 2A and 2B counting as 19 and 18. */
    private static boolean isNir(Matcher m) {
        String department = m.group(4).toUpperCase(Locale.ROOT);
        department = switch (department) {
            case "2A" -> "19";
            case "2B" -> "18";
            default -> department;
        };
        String body = m.group(1) + m.group(2) + m.group(3) + department + m.group(5) + m.group(6);
        int key = Integer.parseInt(m.group(7));
        return key == 97 - Long.parseLong(body) % 97;
    }

    static boolean isNir(String written) {
        Matcher m = NIR.matcher(written.strip());
        return m.matches() && isNir(m);
    }

    static boolean luhn(String digits) {
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static String digits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }

    private static int countDigits(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    private static boolean overlaps(List<RuleHit> hits, int start, int end) {
        for (RuleHit h : hits) {
            if (h.start() < end && start < h.end()) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<RuleHit> hits, String text, String rule, int weight, int start, int end) {
        hits.add(new RuleHit(rule, Category.PERSONAL_DATA, weight, start, end, text.substring(start, end)));
    }
}

package app.vigie.intake.triage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Messages labelled by a moderator, one JSON object per line: id, language, category (OK or a Category), text. */
final class LabelledMessages {

    record Labelled(String id, String language, String category, String text) {
    }

    private LabelledMessages() {
    }

    static List<Labelled> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    static List<Labelled> readResource(String resource) throws IOException {
        try (InputStream in = LabelledMessages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        }
    }

    private static List<Labelled> parse(String content, String origin) {
        List<Labelled> messages = new ArrayList<>();
        int number = 0;
        for (String line : content.split("\n")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> fields = flatObject(line.strip(), origin + ":" + number);
            messages.add(new Labelled(fields.get("id"), fields.get("language"), fields.get("category"),
                    fields.get("text")));
        }
        return messages;
    }

    /** A flat JSON object whose values are strings (other values are kept as written). */
    static Map<String, String> flatObject(String json, String where) {
        Map<String, String> fields = new LinkedHashMap<>();
        int[] at = {0};
        skip(json, at);
        expect(json, at, '{', where);
        skip(json, at);
        if (json.charAt(at[0]) == '}') {
            return fields;
        }
        while (true) {
            skip(json, at);
            String key = string(json, at, where);
            skip(json, at);
            expect(json, at, ':', where);
            skip(json, at);
            String value;
            if (json.charAt(at[0]) == '"') {
                value = string(json, at, where);
            } else {
                int start = at[0];
                while (at[0] < json.length() && ",}".indexOf(json.charAt(at[0])) < 0) {
                    at[0]++;
                }
                value = json.substring(start, at[0]).strip();
            }
            fields.put(key, value);
            skip(json, at);
            if (json.charAt(at[0]) == ',') {
                at[0]++;
                continue;
            }
            expect(json, at, '}', where);
            return fields;
        }
    }

    private static String string(String json, int[] at, String where) {
        expect(json, at, '"', where);
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = json.charAt(at[0]++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = json.charAt(at[0]++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    b.append((char) Integer.parseInt(json.substring(at[0], at[0] + 4), 16));
                    at[0] += 4;
                }
                default -> b.append(e);
            }
        }
    }

    private static void skip(String json, int[] at) {
        while (at[0] < json.length() && Character.isWhitespace(json.charAt(at[0]))) {
            at[0]++;
        }
    }

    private static void expect(String json, int[] at, char c, String where) {
        if (at[0] >= json.length() || json.charAt(at[0]) != c) {
            throw new IllegalArgumentException(where + ": expected '" + c + "' at " + at[0]);
        }
        at[0]++;
    }
}

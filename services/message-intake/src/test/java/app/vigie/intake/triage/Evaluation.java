package app.vigie.intake.triage;

import app.vigie.contracts.community.Category;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** How triage's suggestions compare with moderators' labels: per-category precision and recall, confusion matrix. */
final class Evaluation {

    static final String OK = "OK";

    record Outcome(LabelledMessages.Labelled message, String suggested, int risk) {
        boolean correct() {
            return message.category().equals(suggested);
        }
    }

    private final List<Outcome> outcomes;
    private final List<String> labels;

    private Evaluation(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
        Set<String> seen = new TreeSet<>();
        for (Outcome o : outcomes) {
            seen.add(o.message().category());
            seen.add(o.suggested());
        }
        List<String> ordered = new ArrayList<>();
        ordered.add(OK);
        for (Category c : Category.values()) {
            if (seen.contains(c.name())) {
                ordered.add(c.name());
            }
        }
        this.labels = List.copyOf(ordered);
    }

    /** Each message as coming from a community whose only language is the message's, with no policy terms. */
    static Evaluation of(Triager triager, List<LabelledMessages.Labelled> messages) {
        List<Outcome> outcomes = new ArrayList<>();
        for (LabelledMessages.Labelled m : messages) {
            Triage t = triager.assess(TriageInput.of(m.text(), m.language()));
            outcomes.add(new Outcome(m, t.suggestedCategory() == null ? OK : t.suggestedCategory().name(), t.risk()));
        }
        return new Evaluation(outcomes);
    }

    int size() {
        return outcomes.size();
    }

    int count(String expected, String suggested) {
        int n = 0;
        for (Outcome o : outcomes) {
            if (o.message().category().equals(expected) && o.suggested().equals(suggested)) {
                n++;
            }
        }
        return n;
    }

    int actual(String label) {
        return (int) outcomes.stream().filter(o -> o.message().category().equals(label)).count();
    }

    int predicted(String label) {
        return (int) outcomes.stream().filter(o -> o.suggested().equals(label)).count();
    }

    /** NaN when the category was never suggested. */
    double precision(String label) {
        int predicted = predicted(label);
        return predicted == 0 ? Double.NaN : (double) count(label, label) / predicted;
    }

    /** NaN when no message has the category. */
    double recall(String label) {
        int actual = actual(label);
        return actual == 0 ? Double.NaN : (double) count(label, label) / actual;
    }

    /** Share of acceptable messages that triage flagged (suggested any category). */
    double okFlagged() {
        int ok = actual(OK);
        return ok == 0 ? 0 : (double) (ok - count(OK, OK)) / ok;
    }

    /** Share of acceptable messages flagged as one of the given categories. */
    double okFlaggedAs(Set<String> categories) {
        int ok = actual(OK);
        int n = 0;
        for (String c : categories) {
            n += count(OK, c);
        }
        return ok == 0 ? 0 : (double) n / ok;
    }

    double accuracy() {
        return (double) outcomes.stream().filter(Outcome::correct).count() / Math.max(1, outcomes.size());
    }

    List<Outcome> mistakes() {
        return outcomes.stream().filter(o -> !o.correct()).toList();
    }

    String markdown(String title) {
        StringBuilder b = new StringBuilder();
        b.append("## ").append(title).append("\n\n");
        b.append(String.format(Locale.ROOT, "%d messages, %.1f %% exactly right; %.1f %% of acceptable (OK) messages flagged.%n%n",
                size(), 100 * accuracy(), 100 * okFlagged()));
        b.append("| category | messages | suggested | correct | precision | recall |\n");
        b.append("|---|---:|---:|---:|---:|---:|\n");
        for (String label : labels) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s |%n", label, actual(label), predicted(label),
                    count(label, label), percent(precision(label)), percent(recall(label))));
        }
        b.append("\nConfusion matrix (rows: label, columns: suggestion; OK = no category suggested):\n\n");
        b.append("| label \\ suggested |");
        for (String label : labels) {
            b.append(' ').append(abbreviation(label)).append(" |");
        }
        b.append("\n|---|");
        b.append("---:|".repeat(labels.size()));
        b.append('\n');
        for (String expected : labels) {
            b.append("| ").append(expected).append(" |");
            for (String suggested : labels) {
                int n = count(expected, suggested);
                b.append(' ').append(n == 0 ? "·" : String.valueOf(n)).append(" |");
            }
            b.append('\n');
        }
        List<Outcome> mistakes = mistakes();
        if (!mistakes.isEmpty()) {
            b.append("\nMistakes:\n\n");
            for (Outcome o : mistakes) {
                b.append(String.format(Locale.ROOT, "- `%s` %s → %s (risk %d): %s%n", o.message().id(), o.message().category(),
                        o.suggested(), o.risk(), o.message().text()));
            }
        }
        b.append('\n');
        return b.toString();
    }

    Map<String, double[]> table() {
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (String label : labels) {
            rows.put(label, new double[] {precision(label), recall(label)});
        }
        return rows;
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * value);
    }

    private static String abbreviation(String label) {
        return switch (label) {
            case "PERSONAL_DATA" -> "PII";
            case "HARASSMENT" -> "HARASS";
            case "COMPETITOR_PROMOTION" -> "COMPET";
            case "ILLEGAL_OTHER" -> "ILLEGAL";
            default -> label;
        };
    }
}

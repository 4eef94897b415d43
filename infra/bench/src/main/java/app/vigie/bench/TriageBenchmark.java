package app.vigie.bench;

import app.vigie.intake.triage.Triage;
import app.vigie.intake.triage.TriageInput;
import app.vigie.intake.triage.Triager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Triage alone, one thread: a realistic mix of short comments (mostly acceptable, some abusive, some evasive,
 * links and personal data), in single-language communities (no language detection) and in bilingual ones.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TriageBenchmark {

    static final List<String> MESSAGES = List.of(
            "Merci pour l'émission de ce matin, très intéressante !",
            "Votre service client ne répond jamais, c'est lamentable.",
            "On va les écraser samedi au stade, allez l'OM !",
            "Quelqu'un sait quand sort le prochain épisode ?",
            "t'es qu'un pauvre c0nn4rd, ferme la",
            "Gagnez de l'argent facilement depuis chez vous http://bit.ly/abc123",
            "Mon numéro c'est le 06 11 22 33 44 rappelez moi",
            "Great show today, loved the interview with the coach.",
            "This update broke everything, please fix it asap.",
            "you are a complete m0r0n, nobody wants you here",
            "I know where you live and I will find you",
            "Check my profile for free followers!!! free followers!!!",
            "Le nouveau parfum sent vraiment bon, je recommande.",
            "La livraison a pris trois semaines, c'est inadmissible.",
            "Les arbitres étaient nuls ce soir, quel match frustrant.",
            "Thanks for the quick reply, problem solved!");

    private Triager triager;
    private int next;

    @Setup
    public void load() {
        triager = Triager.standard();
    }

    @Benchmark
    public Triage singleLanguageCommunity() {
        String text = MESSAGES.get(next++ & 15);
        return triager.assess(new TriageInput(text, List.of(text.matches(".*\\b(the|you|I|my|this)\\b.*") ? "en" : "fr"),
                Map.of("fr", List.of("arnaque")), Map.of(), 0));
    }

    @Benchmark
    public Triage bilingualCommunity() {
        String text = MESSAGES.get(next++ & 15);
        return triager.assess(new TriageInput(text, List.of("fr", "en"), Map.of(), Map.of(), 0));
    }
}

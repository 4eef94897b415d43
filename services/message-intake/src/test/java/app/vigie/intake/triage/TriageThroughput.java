package app.vigie.intake.triage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rough single-thread throughput of triage, and what Lingua costs; run its main, not a test (timings depend on the
 * machine). Arguments: optional path of the development sample.
 */
public final class TriageThroughput {

    private TriageThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Runtime runtime = Runtime.getRuntime();
        long empty = usedAfterGc(runtime);
        long begin = System.nanoTime();
        Triager triager = Triager.standard();
        double startupMs = (System.nanoTime() - begin) / 1e6;
        double loadedMb = (usedAfterGc(runtime) - empty) / 1e6;

        List<LabelledMessages.Labelled> sample = new ArrayList<>(LabelledMessages.readResource("/triage/own-cases.jsonl"));
        Path dev = Path.of(args.length > 0 ? args[0] : "../../../shared/data/triage-dev.jsonl");
        if (Files.isRegularFile(dev)) {
            sample.addAll(LabelledMessages.read(dev));
        }
        List<TriageInput> shortMessages = new ArrayList<>();
        List<TriageInput> longMessages = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            LabelledMessages.Labelled m = sample.get(i);
            shortMessages.add(TriageInput.of(m.text(), m.language()));
            // About 250 characters: three messages of the same language, as a longer comment would be.
            StringBuilder longer = new StringBuilder(m.text());
            for (int k = 1; longer.length() < 250 && k < sample.size(); k++) {
                LabelledMessages.Labelled other = sample.get((i + k * 7) % sample.size());
                if (other.language().equals(m.language())) {
                    longer.append(' ').append(other.text());
                }
            }
            longMessages.add(TriageInput.of(longer.toString(), m.language()));
        }
        System.out.printf(Locale.ROOT, "Triager.standard(): %.0f ms, heap +%.0f MB (lexicons %s, character tables; Lingua "
                + "detector built, models not loaded)%n", startupMs, loadedMb, triager.lexiconLanguages());
        System.out.printf(Locale.ROOT, "corpus: %d messages, average %.0f chars (short) / %.0f chars (long)%n",
                shortMessages.size(), average(shortMessages), average(longMessages));

        measure("single-language community, short messages", triager, shortMessages, 400_000);
        measure("single-language community, ~250-char messages", triager, longMessages, 150_000);

        long before = usedAfterGc(runtime);
        List<TriageInput> bilingual = new ArrayList<>();
        for (TriageInput input : shortMessages) {
            bilingual.add(new TriageInput(input.text(), List.of("fr", "en"), Map.of(), Map.of(), 0));
        }
        long firstDetection = System.nanoTime();
        triager.assess(bilingual.get(0));
        double loadMs = (System.nanoTime() - firstDetection) / 1e6;
        long after = usedAfterGc(runtime);
        System.out.printf(Locale.ROOT, "Lingua first detection (loads the models of 7 languages, low accuracy): %.0f ms, "
                + "heap +%.0f MB%n", loadMs, (after - before) / 1e6);
        measure("two-language community (Lingua runs on every message)", triager, bilingual, 20_000);
    }

    /** Wall-clock rate, and the rate per core of CPU time (what the thread really used on a shared machine). */
    private static void measure(String label, Triager triager, List<TriageInput> inputs, int count) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < count / 2; i++) { // warm-up: let the JIT compile the hot paths
            sink += triager.assess(inputs.get(i % inputs.size())).risk();
        }
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            sink += triager.assess(inputs.get(i % inputs.size())).risk();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf(Locale.ROOT, "%-55s %,9.0f messages/s wall, %,9.0f per core of CPU time (%.1f µs CPU each; %d messages; checksum %d)%n",
                label, count / seconds, count / cpuSeconds, 1e6 * cpuSeconds / count, count, sink);
    }

    private static double average(List<TriageInput> inputs) {
        return inputs.stream().mapToInt(i -> i.text().length()).average().orElse(0);
    }

    private static long usedAfterGc(Runtime runtime) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}

package app.vigie.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Measures triage against labelled messages: the shared development sample and our own held-out cases.
 * Prints the tables and writes them to {@code target/triage-report.md}.
 */
class TriageQualityTest {

    private static final Set<String> SERIOUS = Set.of("THREAT", "HATE", "INSULT");
    private static final StringBuilder REPORT = new StringBuilder("# Triage quality report\n\n");

    private final Triager triager = Triager.standard();

    @Test
    void developmentSampleMeetsTheAims() throws IOException {
        Path data = Path.of(System.getProperty("vigie.triage.data", "../../../shared/data/triage-dev.jsonl"));
        assumeTrue(Files.isRegularFile(data), "no development sample at " + data.toAbsolutePath());

        Evaluation evaluation = Evaluation.of(triager, LabelledMessages.read(data));
        report("Development sample (" + data.getFileName() + ")", evaluation);

        for (String category : SERIOUS) {
            assertThat(evaluation.recall(category)).as("recall of %s", category).isGreaterThanOrEqualTo(0.9);
            assertThat(evaluation.precision(category)).as("precision of %s", category).isGreaterThanOrEqualTo(0.8);
        }
        assertThat(evaluation.okFlagged()).as("share of acceptable messages flagged").isLessThanOrEqualTo(0.05);
    }

    @Test
    void ownHeldOutCasesMeetTheAims() throws IOException {
        Evaluation evaluation = Evaluation.of(triager, LabelledMessages.readResource("/triage/own-cases.jsonl"));
        report("Own cases (src/test/resources/triage/own-cases.jsonl)", evaluation);

        assertThat(evaluation.size()).isGreaterThanOrEqualTo(40);
        assertThat(evaluation.okFlaggedAs(SERIOUS)).as("acceptable messages flagged as threat, hate or insult")
                .isLessThanOrEqualTo(0.10);
        for (String category : SERIOUS) {
            assertThat(evaluation.recall(category)).as("recall of %s", category).isGreaterThanOrEqualTo(0.8);
        }
    }

    private static void report(String title, Evaluation evaluation) {
        String markdown = evaluation.markdown(title);
        System.out.println(markdown);
        REPORT.append(markdown);
    }

    @AfterAll
    static void writeReport() throws IOException {
        Path report = Path.of("target", "triage-report.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, REPORT.toString(), StandardCharsets.UTF_8);
    }
}

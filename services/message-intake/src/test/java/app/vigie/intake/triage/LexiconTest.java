package app.vigie.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lexicon file format: the pattern syntax and the mistakes it refuses at start-up. */
class LexiconTest {

    private static Lexicon lexicon(String... lines) throws IOException {
        return Lexicon.parse(new StringReader(String.join("\n", lines)), "test");
    }

    private static List<String> found(Lexicon lexicon, String text) {
        MessageTokens tokens = MessageTokens.of(Normaliser.normalise(text));
        return lexicon.read(tokens).stream().map(f -> f.rule().name + ":" + text.substring(f.start(), f.stop())).toList();
    }

    @Test
    void wordsStemsChoicesAndOptionalWords() throws IOException {
        Lexicon l = lexicon("INSULT\t50\tconnard*\trule=a", "INSULT\t50\t{ferme|fermez} ta? gueule\trule=b");
        assertThat(found(l, "Connards ! ferme ta gueule, fermez gueule")).containsExactly(
                "a:Connards", "b:ferme ta gueule", "b:fermez gueule");
        assertThat(found(l, "connerie, connaissance")).isEmpty();
    }

    @Test
    void gapsStayInTheSentenceAndNeverSkipANegation() throws IOException {
        Lexicon l = lexicon("@negation\t-\t{ne|pas}", "THREAT\t70\tje ~2 te tuer\trule=t");
        assertThat(found(l, "je vais te tuer")).containsExactly("t:je vais te tuer");
        assertThat(found(l, "je ne vais pas te tuer")).isEmpty();
        assertThat(found(l, "je sais. te tuer")).isEmpty();
        assertThat(found(l, "je vais bien vite te tuer")).isEmpty(); // three words is more than ~2
    }

    @Test
    void setsCoOccurrenceAndSentenceEnd() throws IOException {
        Lexicon l = lexicon(
                "@group\t-\t{migrants|ces gens}",
                "HATE\t70\t@group & {parasites|vermine}\trule=h",
                "INSULT\t50\tferme la $\trule=f");
        assertThat(found(l, "Des parasites, ces gens.")).containsExactly("h:parasites, ces gens");
        assertThat(found(l, "Ces gens. Des parasites.")).isEmpty();
        assertThat(found(l, "ferme-la !")).containsExactly("f:ferme-la");
        assertThat(found(l, "ferme la porte")).isEmpty();
    }

    @Test
    void aimedAndAddressedWords() throws IOException {
        Lexicon l = lexicon(
                "@you\t-\t{t'es|tu es}",
                "@person\t-\t{un|une}",
                "@intensifier\t-\t{gros|vraiment}",
                "@negation\t-\t{pas}",
                "INSULT\t50\tnul\taimed\trule=n",
                "INSULT\t50\tbête\taddressed\trule=b");
        assertThat(found(l, "t'es vraiment un gros nul")).containsExactly("n:nul");
        assertThat(found(l, "un nul")).containsExactly("n:nul");
        assertThat(found(l, "ce film est nul")).isEmpty();
        assertThat(found(l, "t'es pas un nul")).isEmpty();
        assertThat(found(l, "tu es bête")).containsExactly("b:bête");
        assertThat(found(l, "une bête")).isEmpty();
    }

    @Test
    void safePhrasesNeutraliseWhatTheyCover() throws IOException {
        Lexicon l = lexicon("INSULT\t50\tcons\trule=c", "SAFE\t-\tprendre pour des cons");
        assertThat(found(l, "bande de cons")).containsExactly("c:cons");
        assertThat(found(l, "arrêtez de nous prendre pour des cons")).isEmpty();
        Lexicon threat = lexicon("THREAT\t50\tje vais te tuer\trule=t", "SAFE\t-\ttuer le temps");
        assertThat(found(threat, "je vais te tuer le temps")).isEmpty(); // the hit's last word is in the idiom
        assertThat(found(threat, "je vais te tuer, pas tuer le temps")).containsExactly("t:je vais te tuer");
    }

    @Test
    void unlessDropsARuleWhenTheSetOccurs() throws IOException {
        Lexicon l = lexicon("@sport\t-\t{stade|match}", "THREAT\t50\ton va les tuer\tunless=@sport\trule=t");
        assertThat(found(l, "on va les tuer")).containsExactly("t:on va les tuer");
        assertThat(found(l, "on va les tuer au stade")).isEmpty();
    }

    @Test
    void refusesUnsafeOrBrokenLines() {
        assertThatThrownBy(() -> lexicon("INSULT\t50\tass*")).hasMessageContaining("too short");
        assertThatThrownBy(() -> lexicon("INSULT\t50\t@nowhere")).hasMessageContaining("never defined");
        assertThatThrownBy(() -> lexicon("INSULT\t500\tidiot")).hasMessageContaining("1..100");
        assertThatThrownBy(() -> lexicon("INSULT\t50\t~2 idiot")).hasMessageContaining("start with a word");
        assertThatThrownBy(() -> lexicon("INSULT\t50\tidiot?")).hasMessageContaining("without any word");
        assertThatThrownBy(() -> lexicon("RUDENESS\t50\tidiot")).hasMessageContaining("RUDENESS");
        assertThatThrownBy(() -> lexicon("INSULT\t50\t{idiot|moron")).hasMessageContaining("missing }");
        assertThatThrownBy(() -> lexicon("INSULT 50 idiot")).hasMessageContaining("tabs");
        assertThatThrownBy(() -> lexicon("SEXUAL\t50\t{porn|x}")).hasMessageContaining("single letter");
    }

    @Test
    void shippedLexiconsLoad() {
        assertThat(Lexicon.fromResource("/triage/lexicon-fr.tsv").size()).isGreaterThan(100);
        assertThat(Lexicon.fromResource("/triage/lexicon-en.tsv").size()).isGreaterThan(100);
        assertThat(Lexicon.fromResource("/triage/lexicon-xx.tsv")).isNull();
    }
}

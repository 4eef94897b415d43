package app.vigie.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormaliserTest {

    private static String normalised(String text) {
        return Normaliser.normalise(text).text();
    }

    private static int flagsOf(String text) {
        int f = 0;
        for (int flag : Normaliser.normalise(text).flags()) {
            f |= flag;
        }
        return f;
    }

    @Test
    void foldsCaseAccentsLigaturesAndCompatibilityForms() {
        assertThat(normalised("CRÉTIN Élève œuvre Straße")).isEqualTo("cretin eleve oeuvre strasse");
        assertThat(normalised("ｃｏｎｎａｒｄ")).isEqualTo("connard");
        assertThat(normalised("𝐜𝐨𝐧𝐧𝐚𝐫𝐝")).isEqualTo("connard");
        assertThat(normalised("l’article — court")).isEqualTo("l'article - court");
    }

    @Test
    void readsLeetspeakOnlyInsideDisguisedWords() {
        assertThat(normalised("c0nn4rd")).isEqualTo("connard");
        assertThat(normalised("id1ot")).isEqualTo("idiot");
        assertThat(normalised("$hit @ss a$$hole")).isEqualTo("shit ass asshole");
        assertThat(normalised("5al0pe")).isEqualTo("salope");
        assertThat(flagsOf("c0nn4rd") & Normaliser.LEET).isNotZero();
        // Numbers, prices and product names stay as written.
        assertThat(normalised("commande n° 45821, 10k pour 5€, mp3, covid19, 4x4"))
                .isEqualTo("commande n 45821, 10k pour 5€, mp3, covid19, 4x4");
        assertThat(normalised("Bravo !!! vraiment top!")).isEqualTo("bravo !!! vraiment top!");
    }

    @Test
    void collapsesStretchedLetters() {
        assertThat(normalised("conniiiiiasse")).isEqualTo("conniasse");
        assertThat(normalised("mooooron")).isEqualTo("moron");
        assertThat(normalised("connard")).isEqualTo("connard"); // doubled letters are spelling, not stretching
        assertThat(flagsOf("nuuuul") & Normaliser.STRETCHED).isNotZero();
    }

    @Test
    void joinsWordsSpelledWithSeparators() {
        assertThat(normalised("quelle bande de c.o.n.n.a.r.d.s")).isEqualTo("quelle bande de connards");
        assertThat(normalised("the host is a f.u.c.k.i.n.g clown")).isEqualTo("the host is a fucking clown");
        assertThat(normalised("c-o-n")).isEqualTo("con");
        assertThat(normalised("f.u.c.k.ing")).isEqualTo("fucking");
        assertThat(normalised("c o n n a r d")).isEqualTo("connard");
        assertThat(normalised("c.0.n.n.4.r.d")).isEqualTo("connard");
        assertThat(flagsOf("c.o.n") & Normaliser.JOINED).isNotZero();
        // Ordinary hyphens, elisions and abbreviations are left alone.
        assertThat(normalised("a-t-il vu l'arbitre ? c'est-à-dire")).isEqualTo("a-t-il vu l'arbitre ? c'est-a-dire");
        assertThat(normalised("il y a à faire")).isEqualTo("il y a a faire");
        assertThat(normalised("e.g. 3.5 kg")).isEqualTo("e.g. 3.5 kg");
    }

    @Test
    void removesEmojiAndInvisibleCharacters() {
        assertThat(normalised("super 😍😍 merci 👍🏽")).isEqualTo("super merci");
        assertThat(normalised("con\u200Bnard")).isEqualTo("connard");
        assertThat(flagsOf("con\u200Bnard") & Normaliser.INVISIBLE).isNotZero();
        assertThat(normalised("con\u00ADnard")).isEqualTo("connard");
    }

    @Test
    void replacesLookAlikeLettersInsideLatinWords() {
        assertThat(normalised("сonnаrd")).isEqualTo("connard"); // Cyrillic с and а
        assertThat(flagsOf("сonnаrd") & Normaliser.HOMOGLYPH).isNotZero();
        assertThat(normalised("привет")).isEqualTo("привет"); // real Cyrillic stays Cyrillic
    }

    @Test
    void leavesLinksAndAddressesAsTheyAre() {
        assertThat(normalised("Voir http://bit.ly/AbC1x ou jean.dupont@example.fr"))
                .isEqualTo("voir http://bit.ly/abc1x ou jean.dupont@example.fr");
        assertThat(normalised("w.w.w")).isEqualTo("www");
        assertThat(normalised("love you xxx, www")).isEqualTo("love you xxx, www"); // whole words of x or w
        assertThat(normalised("wwwanker, sexxxy")).isEqualTo("wanker, sexy");
    }

    @Test
    void collapsesWhiteSpace() {
        assertThat(normalised("  bonjour \t\t à   tous \n\n merci  ")).isEqualTo("bonjour a tous\nmerci");
        assertThat(normalised("")).isEmpty();
    }

    @Test
    void mapsEveryCharacterBackToTheOriginalText() {
        String source = "Ç'est un C.0.N.N.A.R.D 😡 !";
        Normaliser.Normalised n = Normaliser.normalise(source);
        int k = n.text().indexOf("connard");
        assertThat(k).isNotNegative();
        int start = n.starts()[k];
        int end = n.ends()[k + "connard".length() - 1];
        assertThat(source.substring(start, end)).isEqualTo("C.0.N.N.A.R.D");
    }
}

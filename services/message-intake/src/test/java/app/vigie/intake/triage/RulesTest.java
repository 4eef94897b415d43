package app.vigie.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;

import app.vigie.contracts.community.Category;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Each family of rules on its own: what fires, where the span points, what must not fire. */
class RulesTest {

    private static final Triager TRIAGER = Triager.standard();

    private static Triage fr(String text) {
        return TRIAGER.assess(TriageInput.of(text, "fr"));
    }

    private static Triage en(String text) {
        return TRIAGER.assess(TriageInput.of(text, "en"));
    }

    private static Optional<RuleHit> hit(Triage t, String rule) {
        return t.rules().stream().filter(h -> h.rule().equals(rule)).findFirst();
    }

    private static RuleHit required(Triage t, String rule) {
        return hit(t, rule).orElseThrow(() -> new AssertionError(rule + " not in " + t.rules()));
    }

    // ------------------------------------------------------------------ evasion, FR and EN

    @ParameterizedTest(name = "{0} -> {1} on \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "fr | c0nn4rd va                          | evasion.leetspeak         | c0nn4rd",
            "fr | espèce de 5al0pe                     | evasion.leetspeak         | 5al0pe",
            "en | you are a m0r0n                      | evasion.leetspeak         | m0r0n",
            "en | the mod is a total a$$hole           | evasion.leetspeak         | a$$hole",
            "fr | quelle bande de c.o.n.n.a.r.d.s      | evasion.separators        | c.o.n.n.a.r.d.s",
            "fr | sale c-o-n-n-a-s-s-e                 | evasion.separators        | c-o-n-n-a-s-s-e",
            "en | the host is a f.u.c.k.i.n.g clown    | evasion.separators        | f.u.c.k.i.n.g",
            "en | you are m o r o n                    | evasion.separators        | m o r o n",
            "fr | pauvre conniiiiiasse                 | evasion.repeated-letters  | conniiiiiasse",
            "en | what a mooooron                      | evasion.repeated-letters  | mooooron",
            "fr | espèce de сonnаrd                    | evasion.homoglyphs        | сonnаrd",
            "en | you are a mоrоn                      | evasion.homoglyphs        | mоrоn",
            "fr | espèce de con\u200Bnard              | evasion.invisible-characters | con\u200Bnard",
    })
    void seesThroughEvasionAndSaysSo(String language, String text, String evasion, String disguised) {
        String message = text.replace("\\u200B", "\u200B");
        String word = disguised.replace("\\u200B", "\u200B");
        Triage t = TRIAGER.assess(TriageInput.of(message, language));
        assertThat(t.suggestedCategory()).isEqualTo(Category.INSULT);
        RuleHit lexicon = required(t, "lexicon.insult");
        assertThat(lexicon.matched()).isEqualTo(word);
        RuleHit signal = required(t, evasion);
        assertThat(signal.category()).isNull();
        assertThat(signal.weight()).isPositive().isLessThanOrEqualTo(15);
        assertThat(signal.matched()).isEqualTo(word);
    }

    @Test
    void spacedLettersMaySwallowAOneLetterWordBeforeThem() {
        // "a m o r o n" is read as one spaced word; the article is part of the highlighted span.
        RuleHit insult = required(en("what a m o r o n"), "lexicon.insult");
        assertThat(insult.matched()).isEqualTo("a m o r o n");
    }

    @Test
    void plainInsultsCarryNoEvasionSignal() {
        assertThat(fr("Espèce de connard").rules()).noneMatch(h -> h.rule().startsWith("evasion."));
        assertThat(fr("ESPÈCE DE CRÉTIN").rules()).anyMatch(h -> h.rule().equals("lexicon.insult"))
                .noneMatch(h -> h.rule().startsWith("evasion."));
    }

    // ------------------------------------------------------------------ spans

    @Test
    void spansPointIntoTheOriginalText() {
        String text = "😡😡 Franchement, ESPÈCE DE C.0.N.N.A.R.D, tu sers à rien";
        Triage t = fr(text);
        RuleHit insult = t.rules().stream().filter(h -> h.rule().equals("lexicon.insult") && h.weight() >= 60)
                .findFirst().orElseThrow();
        assertThat(text.substring(insult.start(), insult.end())).isEqualTo("C.0.N.N.A.R.D").isEqualTo(insult.matched());
        for (RuleHit h : t.rules()) {
            assertThat(text.substring(h.start(), h.end())).isEqualTo(h.matched());
        }
    }

    @Test
    void phraseSpansCoverThePhrase() {
        String text = "Bon. Je sais où tu habites, je vais te retrouver.";
        RuleHit whereabouts = required(fr(text), "threat.whereabouts");
        assertThat(whereabouts.matched()).isEqualTo("Je sais où tu habites");
        assertThat(whereabouts.category()).isEqualTo(Category.THREAT);
    }

    // ------------------------------------------------------------------ what must not fire

    @ParameterizedTest
    @ValueSource(strings = {
            "Votre service client est vraiment nul, trois semaines sans réponse.",
            "Je trouve ce prix abusé pour un abonnement mobile.",
            "On va les tuer ce soir au Stade, allez les Bleus !",
            "C'est une tuerie ce nouveau burger, je recommande.",
            "Ma commande n° 45821 est bloquée depuis lundi.",
            "C'est con, j'ai raté le début de l'émission.",
            "Arrêtez de nous prendre pour des cons avec ces frais.",
            "Le match s'est fini sur un match nul, dommage.",
            "Je ne vais pas te mentir, ce produit est décevant.",
            "Les immigrés italiens ont construit ce quartier.",
            "Je suis crevé après cette journée.",
            "Le guide « Le bricolage pour les nuls » est super.",
    })
    void acceptableFrenchIsNotFlagged(String text) {
        Triage t = fr(text);
        assertThat(t.suggestedCategory()).as("%s -> %s", text, t.rules()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "That goal was sick, absolute killer finish!",
            "I'm from Scunthorpe and I still love this show.",
            "Assassin's Creed fans will love this trailer.",
            "This price increase is ridiculous, I'm cancelling.",
            "Classic cocktails at the Penistone arts centre, what a therapist-approved night.",
            "Shoot me an email when it's fixed.",
            "You're not an idiot for asking.",
            "Love you all xxx",
            "We destroyed them 4-0, what a game!",
            "This update is garbage.",
            "I'll hit you up later about the refund.",
            "I'll shoot you a message when the parcel arrives.",
            "We'll beat the queue if we come early.",
            "I hope you die of laughter at this video.",
            "The Holocaust documentary showed how Jews were deported.",
            "I'm dead, this is hilarious.",
    })
    void acceptableEnglishIsNotFlagged(String text) {
        Triage t = en(text);
        assertThat(t.suggestedCategory()).as("%s -> %s", text, t.rules()).isNull();
    }

    @Test
    void wholeWordsOnly() {
        assertThat(en("Scunthorpe, Essex, Sussex, Middlesex, cockpit, assassin, classic, grape").rules()).isEmpty();
        assertThat(fr("conférence, contrat, concombre, connaissance, Cognac, abrupt").rules()).isEmpty();
    }

    @Test
    void negationCancelsAThreat() {
        assertThat(fr("Je ne vais pas te tuer, rassure-toi.").suggestedCategory()).isNull();
        assertThat(fr("Je vais te tuer.").suggestedCategory()).isEqualTo(Category.THREAT);
        assertThat(en("I'm going to kill you.").suggestedCategory()).isEqualTo(Category.THREAT);
    }

    @Test
    void sportContextTamesFigurativeViolence() {
        assertThat(fr("On va les défoncer ce soir au stade").suggestedCategory()).isNull();
        assertThat(fr("Je vais te défoncer à la sortie").suggestedCategory()).isEqualTo(Category.THREAT);
        assertThat(en("Someone should put a bullet in that referee.").suggestedCategory()).isEqualTo(Category.THREAT);
    }

    @Test
    void insultsThatAreOrdinaryWordsNeedATarget() {
        assertThat(fr("Ce film est nul").suggestedCategory()).isNull();
        assertThat(fr("T'es vraiment un gros nul").suggestedCategory()).isEqualTo(Category.INSULT);
        assertThat(en("This app is stupid").suggestedCategory()).isNull();
        assertThat(en("Go away you stupid loser").suggestedCategory()).isEqualTo(Category.INSULT);
    }

    // ------------------------------------------------------------------ each category, FR and EN

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "fr | HATE          | Les immigrés sont des parasites.",
            "en | HATE          | Immigrants are vermin.",
            "fr | HATE          | Les juifs contrôlent les médias.",
            "en | HATE          | Jews control the banks.",
            "fr | THREAT        | Je vais venir avec un couteau à votre agence.",
            "en | THREAT        | I know where you live.",
            "en | THREAT        | Keep talking and you'll end up in hospital.",
            "fr | SEXUAL        | Envoie-moi des photos de toi nue.",
            "en | SEXUAL        | Send me nudes.",
            "fr | SCAM          | Envoyez vos coordonnées bancaires pour recevoir le lot.",
            "en | SCAM          | DM me your password so I can unlock your account.",
            "fr | SPAM          | Gagnez 5000€ par semaine depuis chez vous, cliquez ici",
            "en | SPAM          | Check my profile for free giveaways!!! Check my profile!!!",
            "fr | HARASSMENT    | Va te pendre, personne ne t'aime.",
            "en | HARASSMENT    | kys nobody likes you",
            "fr | VIOLENCE      | Il faut tous les tuer.",
            "en | VIOLENCE      | They should all be executed.",
    })
    void categoriesHaveRulesInBothLanguages(String language, Category expected, String text) {
        Triage t = TRIAGER.assess(TriageInput.of(text, language));
        assertThat(t.suggestedCategory()).as("%s -> %s", text, t.rules()).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ community terms

    @Test
    void allowedTermsSuppressLexiconHitsOnExactlyThoseTerms() {
        TriageInput reviewSite = new TriageInput("T'es nul et t'es un connard", List.of("fr"), Map.of(),
                Map.of("fr", List.of("nul")), 0);
        Triage t = TRIAGER.assess(reviewSite);
        assertThat(t.rules()).filteredOn(h -> h.rule().equals("lexicon.insult")).extracting(RuleHit::matched)
                .containsExactly("connard");
        Triage without = fr("T'es nul et t'es un connard");
        assertThat(without.rules()).filteredOn(h -> h.rule().equals("lexicon.insult")).extracting(RuleHit::matched)
                .contains("nul", "connard");
    }

    @Test
    void blockedTermsFireAsNeutralHighRiskHits() {
        TriageInput input = new TriageInput("Passez plutôt chez Concurrent-X, ils sont moins chers", List.of("fr"),
                Map.of("fr", List.of("concurrent-x", "promo flash*")), Map.of(), 0);
        Triage t = TRIAGER.assess(input);
        RuleHit blocked = required(t, "policy.blocked-term");
        assertThat(blocked.category()).isNull();
        assertThat(blocked.weight()).isEqualTo(CommunityTerms.BLOCKED_WEIGHT);
        assertThat(blocked.matched()).isEqualTo("Concurrent-X");
        assertThat(t.risk()).isGreaterThanOrEqualTo(CommunityTerms.BLOCKED_WEIGHT);
        assertThat(t.suggestedCategory()).isNull();
    }

    @Test
    void blockedTermsSeeThroughEvasionAndStems() {
        TriageInput input = new TriageInput("Dernière PR0M0 FL4SHHHH du jour", List.of("fr"),
                Map.of("en", List.of("promo flash*")), Map.of(), 0);
        RuleHit blocked = required(TRIAGER.assess(input), "policy.blocked-term");
        assertThat(blocked.matched()).isEqualTo("PR0M0 FL4SHHHH");
    }

    @Test
    void aBlockedTermAlsoInTheLexiconTakesItsCategory() {
        TriageInput input = new TriageInput("Quel connard", List.of("fr"), Map.of("fr", List.of("connard")),
                Map.of(), 0);
        Triage t = TRIAGER.assess(input);
        assertThat(required(t, "policy.blocked-term").category()).isEqualTo(Category.INSULT);
        assertThat(t.suggestedCategory()).isEqualTo(Category.INSULT);
    }

    // ------------------------------------------------------------------ shape, links, repeats

    @Test
    void shoutingIsASmallNeutralSignal() {
        Triage t = fr("VOUS POUVEZ ME RÉPONDRE OUI OU NON ???");
        RuleHit shouting = required(t, "shouting");
        assertThat(shouting.category()).isNull();
        assertThat(shouting.weight()).isEqualTo(MessageShape.SHOUTING_WEIGHT);
        assertThat(t.suggestedCategory()).isNull();
        assertThat(hit(fr("OK MERCI"), "shouting")).isEmpty();
    }

    @Test
    void linksAndShortenersAreSmallSpamSignals() {
        Triage t = en("Details here https://www.example.com/faq and http://bit.ly/xx12 or t.co/abc");
        assertThat(t.rules()).filteredOn(h -> h.category() == Category.SPAM).extracting(RuleHit::rule, RuleHit::matched)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("spam.link", "https://www.example.com/faq"),
                        org.assertj.core.groups.Tuple.tuple("spam.link-shortener", "http://bit.ly/xx12"),
                        org.assertj.core.groups.Tuple.tuple("spam.link-shortener", "t.co/abc"));
        assertThat(en("The FAQ is at www.example.com.").suggestedCategory()).isNull();
    }

    @Test
    void repeatsAreSpamSignals() {
        Triage again = TRIAGER.assess(new TriageInput("Super vidéo", List.of("fr"), Map.of(), Map.of(), 4));
        assertThat(required(again, "spam.repeated-message").weight()).isEqualTo(60);
        assertThat(required(fr("Abonnez-vous à ma chaîne !!! abonnez-vous à ma chaîne !!!"), "spam.repeated-text")
                .category()).isEqualTo(Category.SPAM);
    }

    @Test
    void moneyOffersAndAdultMarkers() {
        assertThat(fr("Gagnez 5000€ par semaine").rules()).filteredOn(h -> h.rule().equals("spam.money-offer"))
                .extracting(RuleHit::matched).contains("Gagnez 5000€", "5000€ par semaine");
        assertThat(en("Hot xxx videos").suggestedCategory()).isEqualTo(Category.SEXUAL);
        assertThat(en("Love you mum xxx").suggestedCategory()).isNull();
        assertThat(fr("Passez chez Concurrent-X").suggestedCategory()).isNull();
        assertThat(required(en("Hot videos, 18+ only"), "sexual.adult-marker").matched()).isEqualTo("18+");
        assertThat(hit(fr("Il fera +18°C demain"), "sexual.adult-marker")).isEmpty();
        assertThat(hit(fr("J'ai gagné 50€ au jeu concours, merci !"), "spam.money-offer")).isEmpty();
    }
}

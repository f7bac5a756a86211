package de.kontor.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentimentRulesTest {

    private static final Sentiment S = Sentiment.load();

    @Test
    void negationFlips() {
        assertThat(S.analyse("Das ist gut", Language.DE).label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(S.analyse("Das ist nicht gut", Language.DE).label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(S.analyse("This is not good", Language.EN).label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(S.analyse("Die Fernwartung funktioniert nicht", Language.DE).label())
                .isEqualTo(Sentiment.Label.NEGATIVE);
    }

    @Test
    void intensifiersStrengthen() {
        double bad = S.analyse("schlecht", Language.DE).score();
        double veryBad = S.analyse("sehr schlecht", Language.DE).score();
        assertThat(veryBad).isLessThan(bad);
        assertThat(S.analyse("very bad", Language.EN).score()).isLessThan(S.analyse("bad", Language.EN).score());
    }

    @Test
    void explainsTheDecidingWords() {
        Sentiment.Result r = S.analyse("Der Service war nicht gut, sehr schlecht sogar", Language.DE);
        assertThat(r.words()).containsExactly("nicht gut -1.5", "sehr schlecht -3.8");
    }

    @Test
    void explanationShowsTheWordsAsWritten() {
        assertThat(S.analyse("Völlig enttäuschend!", Language.DE).words()).containsExactly("völlig enttäuschend -3.9");
    }

    @Test
    void unknownLanguageIsNeutral() {
        assertThat(S.analyse("MX-400 12345", Language.UNKNOWN).label()).isEqualTo(Sentiment.Label.NEUTRAL);
    }
}

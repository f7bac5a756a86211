package de.kontor.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Accuracy on the hand-labelled sets in {@code src/test/resources/monitoring/sentiment-*.tsv}. The thresholds are
 * the measured figures rounded down (README "Social media monitoring"), so a change that makes the lexicon worse fails.
 */
class SentimentAccuracyTest {

    private static final Sentiment SENTIMENT = Sentiment.load();

    record Case(Sentiment.Label label, String text) {
    }

    @Test
    void germanAccuracy() throws IOException {
        double accuracy = accuracy("monitoring/sentiment-de.tsv", Language.DE);
        assertThat(accuracy).isGreaterThanOrEqualTo(GERMAN_MIN);
    }

    @Test
    void englishAccuracy() throws IOException {
        double accuracy = accuracy("monitoring/sentiment-en.tsv", Language.EN);
        assertThat(accuracy).isGreaterThanOrEqualTo(ENGLISH_MIN);
    }

    @Test
    void theLanguageOfEverySentenceIsDetected() throws IOException {
        for (Case c : cases("monitoring/sentiment-de.tsv")) {
            assertThat(Language.detect(c.text())).as(c.text()).isNotEqualTo(Language.EN);
        }
        for (Case c : cases("monitoring/sentiment-en.tsv")) {
            assertThat(Language.detect(c.text())).as(c.text()).isNotEqualTo(Language.DE);
        }
    }

    static final double GERMAN_MIN = 0.90;
    static final double ENGLISH_MIN = 0.90;

    private static double accuracy(String resource, Language language) throws IOException {
        List<Case> cases = cases(resource);
        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            Sentiment.Result r = SENTIMENT.analyse(c.text(), language);
            if (r.label() == c.label()) {
                right++;
            } else {
                wrong.add(c.label() + " got " + r.label() + " " + r.score() + " " + r.words() + "  " + c.text());
            }
        }
        double accuracy = (double) right / cases.size();
        System.out.printf(Locale.ROOT, "%s: %d/%d = %.3f%n%s%n", resource, right, cases.size(), accuracy,
                String.join("\n", wrong));
        return accuracy;
    }

    static List<Case> cases(String resource) throws IOException {
        try (InputStream in = SentimentAccuracyTest.class.getClassLoader().getResourceAsStream(resource)) {
            List<Case> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                out.add(new Case(Sentiment.Label.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1]));
            }
            return out;
        }
    }
}

package de.kontor.monitoring.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lexicon-based sentiment for German and English, explainable: every word that counted is returned with its
 * contribution. Rules (after VADER's idea, with our own lexicons): a word's score (−4…+4) is scaled by an
 * intensifier right before it ("sehr", "very": ×1.5; "etwas", "slightly": ×0.6), flipped and damped by a negation
 * within the three words before it ("nicht gut", "not good": ×−0.75) — in German also by a "nicht"/"nie" right
 * after it when no sentiment word follows ("funktioniert nicht") —, and words after a contrast ("aber", "but")
 * weigh 1.5 times, those before it half. The sum is squashed to −1…+1 by {@code s / sqrt(s² + 15)}.
 */
public final class Sentiment {

    public enum Label { POSITIVE, NEUTRAL, NEGATIVE }

    /** The result: score −1…+1, label, and the words that decided with their contributions ("nicht gut −1.5"). */
    public record Result(double score, Label label, List<String> words) {
        static final Result NONE = new Result(0, Label.NEUTRAL, List.of());
    }

    /** Scores at or beyond ±THRESHOLD are positive or negative; set after measuring on the labelled sets. */
    static final double THRESHOLD = 0.15;

    private static final Set<String> NEGATIONS_DE = Set.of("nicht", "kein", "keine", "keinen", "keinem", "keiner",
            "keines", "nie", "niemals", "nichts", "ohne", "weder", "kaum", "wenig");
    private static final Set<String> NEGATIONS_EN = Set.of("not", "no", "never", "without", "neither", "nor",
            "hardly", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "can't",
            "cannot", "couldn't", "wouldn't", "shouldn't", "haven't", "hasn't", "nothing", "nobody");
    private static final Map<String, Double> INTENSIFIERS_DE = Map.ofEntries(Map.entry("sehr", 1.5),
            Map.entry("extrem", 1.6), Map.entry("total", 1.4), Map.entry("voellig", 1.5), Map.entry("absolut", 1.5),
            Map.entry("wirklich", 1.3), Map.entry("besonders", 1.4), Map.entry("richtig", 1.3),
            Map.entry("super", 1.4), Map.entry("aeusserst", 1.6), Map.entry("ziemlich", 1.2),
            Map.entry("echt", 1.3), Map.entry("so", 1.2), Map.entry("zu", 1.2), Map.entry("unglaublich", 1.5),
            Map.entry("etwas", 0.6), Map.entry("leicht", 0.6), Map.entry("bisschen", 0.6),
            Map.entry("einigermassen", 0.6), Map.entry("recht", 1.1), Map.entry("eher", 0.7));
    private static final Map<String, Double> INTENSIFIERS_EN = Map.ofEntries(Map.entry("very", 1.5),
            Map.entry("extremely", 1.6), Map.entry("really", 1.3), Map.entry("totally", 1.4),
            Map.entry("completely", 1.5), Map.entry("absolutely", 1.5), Map.entry("incredibly", 1.5),
            Map.entry("so", 1.2), Map.entry("too", 1.2), Map.entry("highly", 1.4), Map.entry("particularly", 1.3),
            Map.entry("utterly", 1.6), Map.entry("super", 1.4), Map.entry("quite", 1.1), Map.entry("pretty", 1.1),
            Map.entry("slightly", 0.6), Map.entry("somewhat", 0.6), Map.entry("bit", 0.6),
            Map.entry("rather", 0.8), Map.entry("fairly", 0.8));
    private static final Set<String> CONTRAST_DE = Set.of("aber", "jedoch", "allerdings", "trotzdem", "dennoch");
    private static final Set<String> CONTRAST_EN = Set.of("but", "however", "although", "though", "yet");
    private static final String[] GERMAN_ENDINGS = {"sten", "ster", "stes", "ste", "en", "em", "er", "es", "e", "n",
            "s", "t"};

    private final Map<String, Double> german;
    private final Map<String, Double> english;

    private Sentiment(Map<String, Double> german, Map<String, Double> english) {
        this.german = german;
        this.english = english;
    }

    /** The shipped lexicons ({@code monitoring/lexicon-de.tsv}, {@code monitoring/lexicon-en.tsv}). */
    static Sentiment load() {
        return new Sentiment(lexicon("monitoring/lexicon-de.tsv"), lexicon("monitoring/lexicon-en.tsv"));
    }

    int size(Language language) {
        return language == Language.DE ? german.size() : english.size();
    }

    private static Map<String, Double> lexicon(String resource) {
        Map<String, Double> out = new HashMap<>();
        InputStream in = Sentiment.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2) {
                    throw new IllegalStateException(resource + ": bad line '" + line + "'");
                }
                out.put(Folding.fold(parts[0].strip()), Double.parseDouble(parts[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }

    Result analyse(String text, Language language) {
        if (language == Language.UNKNOWN) {
            return Result.NONE;
        }
        boolean de = language == Language.DE;
        Set<String> negations = de ? NEGATIONS_DE : NEGATIONS_EN;
        Map<String, Double> intensifiers = de ? INTENSIFIERS_DE : INTENSIFIERS_EN;
        Set<String> contrast = de ? CONTRAST_DE : CONTRAST_EN;
        // a negation reaches only within its clause: "ruft nicht zurück, sehr enttäuschend"
        List<String> words = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        List<Integer> clauses = new ArrayList<>();
        String[] parts = text.split("[.,;:!?]+");
        for (int c = 0; c < parts.length; c++) {
            for (String w : Folding.words(parts[c])) {
                words.add(w);
                clauses.add(c);
            }
            shown.addAll(Folding.displayWords(parts[c]));
        }
        Double[] base = new Double[words.size()];
        for (int i = 0; i < words.size(); i++) {
            base[i] = lookup(words.get(i), de);
        }
        int contrastAt = -1;
        for (int i = 0; i < words.size(); i++) {
            if (contrast.contains(words.get(i))) {
                contrastAt = i;
            }
        }
        double sum = 0;
        List<String> decided = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (base[i] == null) {
                continue;
            }
            double s = base[i];
            StringBuilder phrase = new StringBuilder(shown.get(i));
            if (i > 0 && intensifiers.containsKey(words.get(i - 1))) {
                s *= intensifiers.get(words.get(i - 1));
                phrase.insert(0, shown.get(i - 1) + " ");
            }
            int negatedBy = negationBefore(words, base, negations, i);
            if (negatedBy < 0 && de) {
                negatedBy = negationAfter(words, base, negations, i);
            }
            if (negatedBy >= 0 && !clauses.get(negatedBy).equals(clauses.get(i))) {
                negatedBy = -1;
            }
            if (negatedBy >= 0) {
                s *= -0.75;
                phrase = negatedBy < i ? phrase.insert(0, shown.get(negatedBy) + " ")
                        : phrase.append(' ').append(shown.get(negatedBy));
            }
            if (contrastAt >= 0) {
                s *= i > contrastAt ? 1.5 : 0.5;
            }
            sum += s;
            decided.add(phrase + " " + String.format(Locale.ROOT, "%+.1f", s));
        }
        double score = sum / Math.sqrt(sum * sum + 15);
        Label label = score >= THRESHOLD ? Label.POSITIVE : score <= -THRESHOLD ? Label.NEGATIVE : Label.NEUTRAL;
        return new Result(Math.round(score * 1000) / 1000.0, label, decided);
    }

    /** The index of a negation among the three words before {@code i}, stopping at another sentiment word. */
    private static int negationBefore(List<String> words, Double[] base, Set<String> negations, int i) {
        for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
            if (negations.contains(words.get(j))) {
                return j;
            }
            if (base[j] != null) {
                return -1;
            }
        }
        return -1;
    }

    /** German places "nicht" after the verb: "läuft nicht", "funktioniert nicht mehr" (no sentiment word after). */
    private static int negationAfter(List<String> words, Double[] base, Set<String> negations, int i) {
        for (int j = i + 1; j <= Math.min(words.size() - 1, i + 2); j++) {
            if (base[j] != null) {
                return -1;
            }
            if (negations.contains(words.get(j)) && words.get(j).startsWith("ni")) {
                for (int k = j + 1; k <= Math.min(words.size() - 1, j + 3); k++) {
                    if (base[k] != null) {
                        return -1;
                    }
                }
                return j;
            }
        }
        return -1;
    }

    private Double lookup(String word, boolean de) {
        Map<String, Double> lexicon = de ? german : english;
        Double s = lexicon.get(word);
        if (s != null || word.length() < 4) {
            return s;
        }
        if (de) {
            for (String ending : GERMAN_ENDINGS) {
                if (word.endsWith(ending) && word.length() - ending.length() >= 3) {
                    s = lexicon.get(word.substring(0, word.length() - ending.length()));
                    if (s != null) {
                        return s;
                    }
                }
            }
            return null;
        }
        if (word.endsWith("s")) {
            return lexicon.get(word.substring(0, word.length() - 1));
        }
        return null;
    }
}

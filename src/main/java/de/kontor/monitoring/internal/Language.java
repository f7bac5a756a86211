package de.kontor.monitoring.internal;

import java.util.List;
import java.util.Set;

/**
 * The language of a mention, German or English, guessed from stop words (words in both lists count for neither);
 * umlauts count for German. A text without any clue is {@link #UNKNOWN} and gets no sentiment.
 */
enum Language {
    DE, EN, UNKNOWN;

    private static final Set<String> GERMAN = Set.of("der", "die", "das", "und", "ist", "nicht", "ein", "eine",
            "einen", "einem", "einer", "mit", "auf", "fuer", "von", "zu", "den", "dem", "des", "sich", "wir", "ich",
            "sie", "es", "auch", "noch", "nur", "schon", "aber", "oder", "wie", "wenn", "dass", "bei", "nach",
            "sehr", "kein", "keine", "wird", "wurde", "sind", "hat", "haben", "war", "waren", "ueber", "unsere",
            "unser", "mein", "meine", "ihr", "ihre", "seit", "immer", "wieder", "jetzt", "heute", "leider", "doch",
            "mal", "gibt", "kann", "koennen", "muss", "vom", "zum", "zur", "im", "ins", "am", "aus", "als", "bis",
            "diese", "dieser", "dieses", "man", "einfach", "ganz", "gut", "neue", "neuen", "endlich", "danke");
    private static final Set<String> ENGLISH = Set.of("the", "and", "is", "are", "not", "a", "an", "with", "for",
            "of", "to", "this", "that", "it", "we", "i", "you", "they", "our", "my", "your", "their", "was", "were",
            "be", "been", "has", "have", "had", "but", "or", "if", "when", "very", "no", "will", "would", "can",
            "could", "should", "just", "still", "again", "now", "today", "from", "by", "on", "at", "about", "after",
            "since", "really", "new", "what", "which", "who", "its", "there", "thanks", "don't", "doesn't", "isn't",
            "didn't", "finally", "great", "so", "too", "all", "any", "some", "out", "up", "more", "than");

    static Language detect(String text) {
        int german = 0;
        int english = 0;
        if (text.chars().anyMatch(c -> "äöüßÄÖÜ".indexOf(c) >= 0)) {
            german += 2;
        }
        List<String> words = Folding.words(text);
        for (String w : words) {
            boolean de = GERMAN.contains(w);
            boolean en = ENGLISH.contains(w);
            if (de && !en) {
                german++;
            } else if (en && !de) {
                english++;
            }
        }
        if (german == english) {
            return UNKNOWN;
        }
        return german > english ? DE : EN;
    }

    String code() {
        return this == UNKNOWN ? null : name().toLowerCase(java.util.Locale.ROOT);
    }

    static Language ofCode(String code) {
        if (code == null) {
            return UNKNOWN;
        }
        return switch (code.toLowerCase(java.util.Locale.ROOT)) {
            case "de" -> DE;
            case "en" -> EN;
            default -> UNKNOWN;
        };
    }
}

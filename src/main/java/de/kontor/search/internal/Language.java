package de.kontor.search.internal;

import java.util.Locale;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The language of a document, guessed cheaply: the share of German versus English stop words among its words.
 * Short texts without any stop word (a name, a title) count as German, the company's main language. Cost: one
 * pass over the words, no model.
 */
enum Language {
    DE, EN;

    private static final CharArraySet GERMAN = GermanAnalyzer.getDefaultStopSet();
    private static final CharArraySet ENGLISH = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    static Language detect(String text) {
        int german = 0;
        int english = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            // words in both lists ("in", "an", "so") count for neither
            boolean de = GERMAN.contains(word);
            boolean en = ENGLISH.contains(word);
            if (de && !en) {
                german++;
            } else if (en && !de) {
                english++;
            }
        }
        return english > german ? EN : DE;
    }
}

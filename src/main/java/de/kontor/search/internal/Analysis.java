package de.kontor.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The analysis chains of the index, per field (see {@link Fields}).
 *
 * <ul>
 * <li>German ({@code *_de}): lower case, German stop words, {@link GermanNormalizationFilter} (ä→a, ß→ss,
 * ue→u, so "Muller", "Mueller" and "Müller" are one term) and {@link GermanLightStemFilter} (plural/singular).</li>
 * <li>German parts ({@code *_dc}): the parts of compounds only ({@link DictionaryCompoundWordTokenFilter}: only the
 * longest match per position, word ≥ 5, part 4–15 letters; then the same chain), at index time only. Compounds are
 * split into their own lower-boosted field and never at query time: query-time decompounding would turn every
 * compound into a query for all its parts, which costs Lucene its top-k pruning (STACK.md).</li>
 * <li>English ({@code *_en}): {@link EnglishAnalyzer}'s chain (possessives, lower case, stop words, Porter stemmer).
 * </li>
 * <li>Words ({@code names}, {@code tags_text}): lower case and folded umlauts only, for prefix suggestions.</li>
 * <li>Spelling ({@code spell}): lower case only, so that "did you mean" proposes real words.</li>
 * </ul>
 */
final class Analysis {

    static final int MIN_WORD = 5;
    static final int MIN_PART = 4;
    static final int MAX_PART = 15;

    private Analysis() {
    }

    /**
     * Stop words of both languages: a query is matched against German and English fields at once, and a word that
     * only one chain drops ("die", "the") would otherwise be required in the other language's fields.
     */
    static final CharArraySet QUERY_STOP_WORDS = union();

    /** The analyzer the index writer uses: German parts are split with {@code dictionary}. */
    static Analyzer indexAnalyzer(CharArraySet dictionary) {
        return perField(new GermanParts(dictionary), new German(GermanAnalyzer.getDefaultStopSet()),
                new English(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET), new Words(CharArraySet.EMPTY_SET));
    }

    /** The analyzer for queries: like the index, but the German parts field sees the whole query word. */
    static Analyzer queryAnalyzer() {
        Analyzer german = new German(QUERY_STOP_WORDS);
        return perField(german, german, new English(QUERY_STOP_WORDS), new Words(QUERY_STOP_WORDS));
    }

    private static CharArraySet union() {
        CharArraySet all = new CharArraySet(GermanAnalyzer.getDefaultStopSet(), false);
        all.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return CharArraySet.unmodifiableSet(all);
    }

    private static Analyzer perField(Analyzer parts, Analyzer german, Analyzer english, Analyzer words) {
        return new PerFieldAnalyzerWrapper(words, Map.of(
                Fields.TITLE_DE, german, Fields.BODY_DE, german,
                Fields.TITLE_EN, english, Fields.BODY_EN, english,
                Fields.TITLE_DC, parts, Fields.BODY_DC, parts, Fields.SPELL, new Spelling()));
    }

    /**
     * The compound dictionary: the words normalized the way the German chains see them before splitting (lower
     * case, umlauts), without compounds. Lucene's longest-match splitting suppresses the parts inside a longer
     * dictionary match, so "kundenfeedback" or "fräsmaschine" in the dictionary would hide "feedback" and
     * "maschine". German compounds end in their head word, so a word made of at least four letters followed by
     * another dictionary word counts as a compound and is left out; what remains are the parts.
     */
    static CharArraySet dictionary(Collection<String> words) {
        CharArraySet set = new CharArraySet(words.size(), false);
        try (Analyzer normalizer = new Normalizer()) {
            for (String w : words) {
                String word = w.strip();
                if (word.length() >= MIN_PART && word.length() <= MAX_PART && !word.startsWith("#")) {
                    set.add(normalizer.normalize("w", word).utf8ToString());
                }
            }
        }
        CharArraySet parts = new CharArraySet(set.size(), false);
        for (Object o : set) {
            char[] word = (char[]) o;
            if (!endsInAnotherWord(word, set)) {
                parts.add(word);
            }
        }
        return parts;
    }

    private static boolean endsInAnotherWord(char[] word, CharArraySet dictionary) {
        // the first part needs the length of a word too: "vertrag" does not end in "ertrag" as a compound would
        for (int start = MIN_PART; start <= word.length - MIN_PART; start++) {
            if (dictionary.contains(word, start, word.length - start)) {
                return true;
            }
        }
        return false;
    }

    /** The curated word list shipped with Kontor (one noun a line; lines starting with # are comments). */
    static List<String> curatedWords() {
        try (InputStream in = Analysis.class.getResourceAsStream("/search/de-compound-parts.txt")) {
            if (in == null) {
                throw new IllegalStateException("search/de-compound-parts.txt is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** German: lower case, stop words, umlaut normalization, light stemming. */
    static class German extends Analyzer {
        private final CharArraySet stopWords;

        German(CharArraySet stopWords) {
            this.stopWords = stopWords;
        }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new LowerCaseFilter(source);
            s = new StopFilter(s, stopWords);
            s = new GermanNormalizationFilter(s);
            return new TokenStreamComponents(source, stem(s));
        }

        TokenStream stem(TokenStream s) {
            return new GermanLightStemFilter(s);
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new GermanNormalizationFilter(new LowerCaseFilter(in));
        }
    }

    /** German with compound parts emitted beside each word (index time only). */
    static final class GermanParts extends German {
        private final CharArraySet dictionary;

        GermanParts(CharArraySet dictionary) {
            super(GermanAnalyzer.getDefaultStopSet());
            this.dictionary = dictionary;
        }

        @Override
        TokenStream stem(TokenStream s) {
            TokenStream split = new DictionaryCompoundWordTokenFilter(s, dictionary, MIN_WORD, MIN_PART, MAX_PART,
                    true);
            // a word that is itself in the dictionary comes back as its own part: that is no part
            return new GermanLightStemFilter(new PartsOnly(new RemoveDuplicatesTokenFilter(split)));
        }
    }

    /**
     * Keeps only the parts the compound filter added (at the position of their word): the whole words are in the
     * {@code *_de} fields already, and indexing them twice made every German query term walk two long postings
     * lists (each word in {@code body_de} and again in {@code body_dc}).
     */
    static final class PartsOnly extends FilteringTokenFilter {
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

        PartsOnly(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            return increment.getPositionIncrement() == 0;
        }
    }

    /** English: EnglishAnalyzer's chain with the same normalization for prefix queries. */
    static final class English extends Analyzer {
        private final CharArraySet stopWords;

        English(CharArraySet stopWords) {
            this.stopWords = stopWords;
        }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new EnglishPossessiveFilter(source);
            s = new LowerCaseFilter(s);
            s = new StopFilter(s, stopWords);
            return new TokenStreamComponents(source, new PorterStemFilter(s));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    /** Plain words: lower case and folded accents (names, tags, spelling suggestions). */
    static final class Words extends Analyzer {
        private final CharArraySet stopWords;

        Words(CharArraySet stopWords) {
            this.stopWords = stopWords;
        }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new StopFilter(new LowerCaseFilter(source), stopWords);
            return new TokenStreamComponents(source, new GermanNormalizationFilter(new ASCIIFoldingFilter(s)));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new GermanNormalizationFilter(new ASCIIFoldingFilter(new LowerCaseFilter(in)));
        }
    }

    /** Lower-cased words as written: the terms "did you mean" proposes. */
    static final class Spelling extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    private static final class Normalizer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, normalize(field, source));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new GermanNormalizationFilter(new LowerCaseFilter(in));
        }
    }
}

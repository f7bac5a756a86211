package de.kontor.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Relevance of the analysis chains and the query parser, on a small in-memory index (no Spring). */
class SearchAnalyzerTest {

    private static final Analyzer INDEX = Analysis.indexAnalyzer(Analysis.dictionary(Analysis.curatedWords()));
    private static final Analyzer QUERY = Analysis.queryAnalyzer();
    private static Directory directory;
    private static DirectoryReader reader;

    private static final List<String> TEXTS = List.of(
            "Danke für das Kundenfeedback zur neuen Fräsmaschine, wir melden uns.",              // 1
            "Die Rahmenverträge mit den Lieferanten laufen im März aus.",                          // 2
            "Gespräch mit Frau Müller aus der Konstruktion über die Zeichnungen.",                 // 3
            "The runners were running the contracts review for our customers yesterday.",         // 4
            "Die Kontrolle der Schweißnähte ist für Montag geplant.",                              // 5
            "Neue Fräsmaschine in Halle 3 ist aufgebaut und läuft.");                               // 6

    @BeforeAll
    static void index() throws IOException {
        directory = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(INDEX))) {
            for (int i = 0; i < TEXTS.size(); i++) {
                w.addDocument(SearchIndex.toLucene(new SearchDocument("post", i + 1, Acl.COMPANY, null, null, 1L,
                        PostSource.title(TEXTS.get(i)), TEXTS.get(i), List.of(), Instant.now(), "/posts/" + (i + 1)), "1"));
            }
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    private static List<Long> find(String q) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        List<Long> ids = new ArrayList<>();
        for (ScoreDoc d : searcher.search(SearchService.parse(q, QUERY), 10).scoreDocs) {
            ids.add(searcher.storedFields().document(d.doc).getField(Fields.ID).numericValue().longValue());
        }
        return ids;
    }

    @Test
    void compoundPartsFindTheCompound() throws IOException {
        assertThat(find("Feedback")).containsExactly(1L);
        assertThat(find("Vertrag")).containsExactly(2L);
        assertThat(find("Verträge")).containsExactly(2L);
        assertThat(find("Kundenfeedback")).containsExactly(1L);
    }

    @Test
    void umlautsAndTheirSpellingsMatch() throws IOException {
        assertThat(find("Muller")).containsExactly(3L);
        assertThat(find("Mueller")).containsExactly(3L);
        assertThat(find("müller")).containsExactly(3L);
        assertThat(find("Fraesmaschine")).containsExactlyInAnyOrder(1L, 6L);
        assertThat(find("Maschine")).containsExactlyInAnyOrder(1L, 6L);
    }

    @Test
    void germanPluralAndSingularMatch() throws IOException {
        assertThat(find("Lieferant")).containsExactly(2L);
        assertThat(find("Zeichnung")).containsExactly(3L);
        assertThat(find("Schweißnaht")).containsExactly(5L);
    }

    @Test
    void englishIsStemmed() throws IOException {
        assertThat(find("run")).containsExactly(4L);
        assertThat(find("contract")).containsExactly(4L);
        assertThat(find("customer reviews")).containsExactly(4L);
    }

    @Test
    void phrasePrefixAndExclusion() throws IOException {
        assertThat(find("\"neue Fräsmaschine\"")).containsExactlyInAnyOrder(1L, 6L);
        assertThat(find("Fräsmaschine -Kundenfeedback")).containsExactly(6L);
        assertThat(find("Liefer*")).containsExactly(2L);
        assertThat(find("Konstr*")).containsExactly(3L);
    }

    @Test
    void stopWordsOfEitherLanguageAreNotRequired() throws IOException {
        assertThat(find("die Rahmenverträge")).containsExactly(2L);
        assertThat(find("the contracts")).containsExactly(4L);
    }

    @Test
    void syntaxErrorsAreSearchedAsWords() throws IOException {
        assertThat(find("Müller AND")).containsExactly(3L);
        assertThat(find("(Vertrag")).containsExactly(2L);
        assertThat(find("Feedback\"")).containsExactly(1L);
    }

    @Test
    void shortEmbeddedWordsAreNoFalseParts() throws IOException {
        assertThat(find("Rolle")).isEmpty();
        assertThat(tokens(INDEX, Fields.BODY_DC, "Software")).doesNotContain("war");
    }

    @Test
    void onlyCompoundPartsGoToThePartsField() throws IOException {
        List<String> tokens = tokens(INDEX, Fields.BODY_DC, "Kundenfeedback");
        assertThat(tokens).contains("feedback").doesNotContain("kundenfeedback").doesNotHaveDuplicates();
        // whole words, compounds or not, are in body_de only
        assertThat(tokens(INDEX, Fields.BODY_DE, "Kundenfeedback")).containsExactly("kundenfeedback");
        assertThat(tokens(INDEX, Fields.BODY_DC, "Vertrag Maschine")).isEmpty();
        assertThat(tokens(QUERY, Fields.BODY_DC, "Kundenfeedback")).containsExactly("kundenfeedback");
    }

    @Test
    void languageIsDetectedFromStopWords() {
        assertThat(Language.detect("Wir haben das Angebot für die Firma geschickt")).isEqualTo(Language.DE);
        assertThat(Language.detect("We have sent the offer to the company")).isEqualTo(Language.EN);
        assertThat(Language.detect("Katrin Albers")).isEqualTo(Language.DE);
    }

    private static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }
}

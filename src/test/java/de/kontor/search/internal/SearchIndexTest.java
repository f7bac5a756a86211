package de.kontor.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index on disk: the applied position survives a restart, a damaged index is replaced by an empty one. */
class SearchIndexTest {

    @TempDir
    Path dir;

    private static SearchDocument doc(long id, String text) {
        return new SearchDocument("post", id, Acl.COMPANY, null, null, 1L, PostSource.title(text), text, List.of(),
                Instant.now(), "/posts/" + id);
    }

    @Test
    void commitKeepsDocumentsAndPositionTogether() throws IOException {
        Path path = dir.resolve("search");
        try (SearchIndex index = new SearchIndex(path, List.of("vertrag"))) {
            assertThat(index.open().needsRebuild()).isTrue();
            index.put(doc(1, "Rahmenverträge"));
            index.put(doc(1, "Rahmenverträge, zweite Fassung"));
            index.commit(Map.of(SearchIndex.SEQ, "42"));
        }
        try (SearchIndex index = new SearchIndex(path, List.of("vertrag"))) {
            SearchIndex.State state = index.open();
            assertThat(state.needsRebuild()).isFalse();
            assertThat(state.seq()).isEqualTo(42);
            assertThat(index.documentCount()).isEqualTo(1);
            int parts = index.search(s -> s.count(new TermQuery(new Term(Fields.BODY_DC, "vertrag"))));
            assertThat(parts).isEqualTo(1);
        }
    }

    @Test
    void corpusWordsAreReadWhenARebuildStartsAndKeptForTheNextStart() throws IOException {
        Path path = dir.resolve("search");
        List<String> curated = List.of("vertrag");
        try (SearchIndex index = new SearchIndex(path, curated)) {
            index.open();
            for (int i = 0; i < SearchIndex.CORPUS_MIN_DOCS; i++) {
                index.put(doc(i, "Die Zahnradpumpe ist geliefert " + i));
            }
            index.commit(Map.of(SearchIndex.SEQ, "1"));
            int before = index.dictionarySize();
            // a rebuild reads the index's frequent words ...
            index.reopenWriter();
            assertThat(index.dictionarySize()).isGreaterThan(before);
            assertThat(Files.readAllLines(path.resolve(SearchIndex.CORPUS_FILE))).contains("zahnradpumpe");
        }
        // ... and the next start takes them from the file instead of reading every term again
        Files.writeString(path.resolve(SearchIndex.CORPUS_FILE), "zahnrad\ngetriebe\n");
        try (SearchIndex index = new SearchIndex(path, curated)) {
            index.open();
            assertThat(index.dictionarySize()).isEqualTo(3);
            index.put(doc(9, "Das Zahnradgetriebe"));
            index.refresh();
            int split = index.search(s -> s.count(new TermQuery(new Term(Fields.BODY_DC, "zahnrad"))));
            assertThat(split).as("split with the words of the file").isEqualTo(1);
        }
    }

    @Test
    void damagedIndexIsMovedAsideAndStartsEmpty() throws IOException {
        Path path = dir.resolve("search");
        Files.createDirectories(path);
        Files.writeString(path.resolve("segments_1"), "not a Lucene commit");
        try (SearchIndex index = new SearchIndex(path, List.of())) {
            SearchIndex.State state = index.open();
            assertThat(state.damaged()).isTrue();
            assertThat(state.needsRebuild()).isTrue();
            index.put(doc(7, "Neu"));
            index.refresh();
            assertThat(index.documentCount()).isEqualTo(1);
        }
        try (var aside = Files.list(dir)) {
            assertThat(aside.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("search.damaged-"));
        }
    }
}

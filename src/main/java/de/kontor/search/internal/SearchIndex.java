package de.kontor.search.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's Lucene index: one writer, near-real-time searchers, and the commit user data that makes the applied
 * outbox position part of the index itself (a commit holds exactly the documents up to its {@code seq}). A damaged
 * index is moved aside and started empty; the caller then rebuilds it.
 */
final class SearchIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    /** Corpus words join the compound dictionary when this many documents contain them. */
    static final int CORPUS_MIN_DOCS = 5;
    /** The corpus words of the last rebuild, so that a start does not read every term of the index again. */
    static final String CORPUS_FILE = "kontor-corpus-words.txt";

    static final String SEQ = "seq";
    static final String PEOPLE_SINCE = "peopleSince";
    static final String SCHEMA = "schema";
    static final String REBUILDING = "rebuilding";

    private static final FieldType TEXT_OFFSETS = textType(false);
    private static final FieldType TEXT_OFFSETS_STORED = textType(true);

    /** What the last commit says. */
    record State(boolean empty, boolean damaged, Map<String, String> commit) {

        long seq() {
            return Long.parseLong(commit.getOrDefault(SEQ, "0"));
        }

        boolean needsRebuild() {
            return empty || damaged || !Fields.SCHEMA.equals(commit.get(SCHEMA))
                    || "true".equals(commit.get(REBUILDING));
        }
    }

    private record Open(IndexWriter writer, SearcherManager searchers) {
    }

    private final Path path;
    private final List<String> curated;
    private final Analyzer queryAnalyzer = Analysis.queryAnalyzer();
    /** Writes take the read side; reopening the writer (new compound dictionary) takes the write side. */
    private final ReentrantReadWriteLock reopen = new ReentrantReadWriteLock();
    private Directory directory;
    private volatile Open open;
    private volatile String generation = Long.toString(System.currentTimeMillis());
    private volatile int dictionarySize;

    SearchIndex(Path path, List<String> curatedWords) {
        this.path = path;
        this.curated = List.copyOf(curatedWords);
    }

    /** Opens (or creates) the index; a damaged one is moved aside and replaced by an empty one. */
    State open() throws IOException {
        Files.createDirectories(path);
        directory = FSDirectory.open(path);
        boolean damaged = false;
        Map<String, String> commit = Map.of();
        boolean exists = DirectoryReader.indexExists(directory);
        if (exists) {
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                commit = reader.getIndexCommit().getUserData();
            } catch (IOException | RuntimeException e) {
                log.warn("Search index at {} is damaged ({}); starting an empty one and rebuilding", path,
                        e.toString());
                damaged = true;
                directory.close();
                moveAside();
                Files.createDirectories(path);
                directory = FSDirectory.open(path);
                commit = Map.of();
            }
        }
        try {
            this.open = openWriter(false);
        } catch (IOException | RuntimeException e) {
            if (!exists || damaged) {
                throw e;
            }
            log.warn("Search index at {} cannot be written ({}); starting an empty one and rebuilding", path,
                    e.toString());
            directory.close();
            moveAside();
            Files.createDirectories(path);
            directory = FSDirectory.open(path);
            this.open = openWriter(false);
            return new State(false, true, Map.of());
        }
        return new State(!exists, damaged, commit);
    }

    private void moveAside() throws IOException {
        Path aside = path.resolveSibling(path.getFileName() + ".damaged-" + System.currentTimeMillis());
        Files.move(path, aside);
        log.warn("Damaged search index kept at {} for inspection; delete it when done", aside);
    }

    /** {@code fresh}: read the corpus words from the index now (a rebuild); otherwise those the last rebuild read. */
    private Open openWriter(boolean fresh) throws IOException {
        List<String> words = new ArrayList<>(curated);
        Path saved = path.resolve(CORPUS_FILE);
        if (!fresh && Files.exists(saved)) {
            words.addAll(Files.readAllLines(saved));
        } else {
            List<String> corpus = corpusWords();
            Path tmp = path.resolve(CORPUS_FILE + ".tmp");
            Files.write(tmp, corpus);
            Files.move(tmp, saved, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            words.addAll(corpus);
        }
        CharArraySet dictionary = Analysis.dictionary(words);
        dictionarySize = dictionary.size();
        IndexWriterConfig config = new IndexWriterConfig(Analysis.indexAnalyzer(dictionary))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        IndexWriter writer = new IndexWriter(directory, config);
        return new Open(writer, new SearcherManager(writer, new SearcherFactory()));
    }

    /**
     * Frequent words of this index's own text (the {@code spell} field): a compound made of words the company
     * writes often is split although the curated list lacks them. Reading them visits every term of the index
     * (about 11 s at 1M documents), so they are read when a rebuild starts and kept in {@link #CORPUS_FILE}.
     */
    private List<String> corpusWords() throws IOException {
        List<String> words = new ArrayList<>();
        if (!DirectoryReader.indexExists(directory)) {
            return words;
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            Terms terms = MultiTerms.getTerms(reader, Fields.SPELL);
            if (terms == null) {
                return words;
            }
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
                if (t.length >= Analysis.MIN_WORD && t.length <= Analysis.MAX_PART
                        && it.docFreq() >= CORPUS_MIN_DOCS) {
                    String word = t.utf8ToString();
                    if (word.chars().allMatch(Character::isLetter)) {
                        words.add(word);
                    }
                }
            }
        }
        return words;
    }

    /** Closes and reopens the writer so that a rebuild splits compounds with the corpus words known now. */
    void reopenWriter() throws IOException {
        reopen.writeLock().lock();
        try {
            Open old = open;
            old.writer().commit();
            old.searchers().close();
            old.writer().close();
            open = openWriter(true);
        } finally {
            reopen.writeLock().unlock();
        }
    }

    int dictionarySize() {
        return dictionarySize;
    }

    Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    /** Starts a rebuild generation: every document written from now on carries it. */
    String newGeneration() {
        generation = Long.toString(System.currentTimeMillis());
        return generation;
    }

    void put(SearchDocument doc) throws IOException {
        Document d = toLucene(doc, generation);
        write(w -> w.updateDocument(new Term(Fields.KEY, doc.key()), d));
    }

    void delete(String type, long id) throws IOException {
        write(w -> w.deleteDocuments(new Term(Fields.KEY, SearchDocument.key(type, id))));
    }

    /** Removes every document a finished rebuild did not write again (deleted while the index was away). */
    void deleteOtherGenerations(String keep) throws IOException {
        BooleanQuery stale = new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.MUST)
                .add(new TermQuery(new Term(Fields.GENERATION, keep)), Occur.MUST_NOT)
                .build();
        write(w -> w.deleteDocuments(stale));
    }

    void deleteAll() throws IOException {
        write(IndexWriter::deleteAll);
    }

    /** Makes the documents written so far durable, together with the caller's position (outbox seq and more). */
    void commit(Map<String, String> userData) throws IOException {
        Map<String, String> data = new HashMap<>(userData);
        data.put(SCHEMA, Fields.SCHEMA);
        write(w -> {
            w.setLiveCommitData(data.entrySet());
            w.commit();
        });
    }

    void refresh() throws IOException {
        reopen.readLock().lock();
        try {
            open.searchers().maybeRefresh();
        } finally {
            reopen.readLock().unlock();
        }
    }

    /** Runs a search on the newest refreshed view of the index. */
    <T> T search(SearchWork<T> work) throws IOException {
        reopen.readLock().lock();
        SearcherManager manager = open.searchers();
        IndexSearcher searcher = manager.acquire();
        try {
            return work.run(searcher);
        } finally {
            manager.release(searcher);
            reopen.readLock().unlock();
        }
    }

    int documentCount() throws IOException {
        return search(s -> s.getIndexReader().numDocs());
    }

    @FunctionalInterface
    interface SearchWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    @FunctionalInterface
    private interface WriterWork {
        void run(IndexWriter writer) throws IOException;
    }

    private void write(WriterWork work) throws IOException {
        reopen.readLock().lock();
        try {
            work.run(open.writer());
        } finally {
            reopen.readLock().unlock();
        }
    }

    @Override
    public void close() throws IOException {
        reopen.writeLock().lock();
        try {
            Open o = open;
            if (o != null) {
                o.searchers().close();
                o.writer().close();
                open = null;
            }
            if (directory != null) {
                directory.close();
            }
        } finally {
            reopen.writeLock().unlock();
        }
    }

    static Document toLucene(SearchDocument doc, String generation) {
        Document d = new Document();
        d.add(new StringField(Fields.KEY, doc.key(), Field.Store.NO));
        d.add(new KeywordField(Fields.TYPE, doc.type(), Field.Store.YES));
        d.add(new StoredField(Fields.ID, doc.id()));
        d.add(new StringField(Fields.ACL, doc.acl().name(), Field.Store.NO));
        d.add(new StringField(Fields.GENERATION, generation, Field.Store.NO));
        if (doc.spaceId() != null) {
            d.add(new LongField(Fields.SPACE, doc.spaceId(), Field.Store.YES));
            if (doc.acl() == Acl.SPACE_CONTENT) {
                d.add(new NumericDocValuesField(Fields.CONTENT_SPACE, doc.spaceId()));
            }
        }
        if (doc.conversationId() != null) {
            d.add(new LongField(Fields.CONVERSATION, doc.conversationId(), Field.Store.NO));
        }
        d.add(new StoredField(Fields.URL, doc.url()));
        if (doc.authorId() != null) {
            d.add(new LongField(Fields.AUTHOR, doc.authorId(), Field.Store.YES));
        }
        d.add(new LongField(Fields.CREATED, doc.createdAt().toEpochMilli(), Field.Store.YES));
        for (String tag : doc.tags()) {
            d.add(new KeywordField(Fields.TAG, tag, Field.Store.YES));
            d.add(new TextField(Fields.TAGS_TEXT, tag, Field.Store.NO));
        }
        String title = doc.title() == null ? "" : doc.title();
        String body = doc.body() == null ? "" : doc.body();
        Language lang = Language.detect(title + "\n" + body);
        d.add(new StringField(Fields.LANG, lang.name(), Field.Store.YES));
        d.add(new StoredField(Fields.TITLE, title));
        if (lang == Language.DE) {
            d.add(new Field(Fields.TITLE_DE, title, TEXT_OFFSETS));
            d.add(new Field(Fields.BODY_DE, body, TEXT_OFFSETS_STORED));
            d.add(new Field(Fields.TITLE_DC, title, TEXT_OFFSETS));
            d.add(new Field(Fields.BODY_DC, body, TEXT_OFFSETS));
        } else {
            d.add(new Field(Fields.TITLE_EN, title, TEXT_OFFSETS));
            d.add(new Field(Fields.BODY_EN, body, TEXT_OFFSETS_STORED));
        }
        d.add(new TextField(Fields.NAMES, title, Field.Store.NO));
        d.add(new TextField(Fields.SPELL, title + "\n" + body, Field.Store.NO));
        return d;
    }

    /** Text with offsets in the postings: highlighting reads them instead of analysing the text again. */
    private static FieldType textType(boolean stored) {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.setStored(stored);
        t.freeze();
        return t;
    }
}

package de.kontor.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.springframework.stereotype.Service;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.messaging.MessageDocuments;
import de.kontor.search.internal.FacetCounts.Period;
import de.kontor.shared.DomainException;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.VisibilityPolicy;

/**
 * Answers searches. The reader's permissions are a FILTER clause of the query itself, computed from the current
 * memberships on every search ({@link VisibilityPolicy}), so hits, counts, facets, suggestions and "did you mean"
 * only ever come from documents the reader may open.
 *
 * <p>Ranking: BM25 over title, tags and body (boosts in {@link Fields#BOOSTS}), then the best
 * {@link #RESCORE_WINDOW} hits are rescored for freshness (up to +{@link #FRESHNESS} for new documents, halving
 * every {@link #HALF_LIFE_DAYS} days). Recency is deliberately not an additive query clause: that costs Lucene its
 * top-k pruning (STACK.md).
 *
 * <p>Counting stops at {@link #COUNTED} hits, and the facets count the best {@code COUNTED} hits: counting every hit
 * of a common word would visit every matching document and cost Lucene its top-k pruning as well (like
 * Elasticsearch's {@code track_total_hits}). Below that many hits, total and facets are exact; above it the page says
 * "more than 1,000" and that the facet figures are from the best 1,000. The API can ask for exact figures
 * ({@code exactTotal=true}) and pays for them.
 */
@Service
public class SearchService {

    static final int MAX_QUERY = 500;
    static final int MAX_OFFSET = 1000;
    static final int RESCORE_WINDOW = 200;
    static final int COUNTED = 1000;
    static final double FRESHNESS = 0.5;
    static final double HALF_LIFE_DAYS = 30;
    private static final int SUGGESTIONS = 5;
    private static final int FACET_VALUES = 10;
    private static final Pattern SYNTAX = Pattern.compile("[\"*?:~^()\\[\\]{}+\\-\\\\/!]");
    private static final Pattern OPERATOR = Pattern.compile("\\b(AND|OR|NOT)\\b");

    /** Narrowing by facet values; null fields do not narrow. */
    public record Filters(String type, Long spaceId, Long authorId, String tag, Period period) {
        static final Filters NONE = new Filters(null, null, null, null, null);
    }

    public record Hit(String type, long id, String title, String snippet, String url, Long spaceId, String spaceName,
               Long authorId, String authorName, Instant createdAt, List<String> tags) {
    }

    /** One facet value: {@code value} is what the filter takes, {@code label} what a reader sees. */
    public record FacetValue(String value, String label, long count) {
    }

    /**
     * {@code totalExact} false: there are more than {@code total} hits, and the facets count the best
     * {@code total}.
     */
    public record Results(String q, long total, boolean totalExact, List<Hit> hits,
                   Map<String, List<FacetValue>> facets, String didYouMean, int offset, int limit) {

        public boolean hasMore() {
            return offset + hits.size() < Math.min(totalExact ? total : Long.MAX_VALUE, MAX_OFFSET + limit);
        }

        public boolean empty() {
            return hits.isEmpty();
        }
    }

    public record Suggestions(List<Hit> people, List<Hit> spaces, List<String> tags) {
        public boolean empty() {
            return people.isEmpty() && spaces.isEmpty() && tags.isEmpty();
        }
    }

    private final IndexApplier applier;
    private final VisibilityPolicy policy;
    private final SpaceDirectory spaces;
    private final IdentityApi identity;
    private final MessageDocuments messages;

    SearchService(IndexApplier applier, VisibilityPolicy policy, SpaceDirectory spaces, IdentityApi identity,
                  MessageDocuments messages) {
        this.applier = applier;
        this.policy = policy;
        this.spaces = spaces;
        this.identity = identity;
        this.messages = messages;
    }

    /** Checks the query text: required, at most {@link #MAX_QUERY} characters (422 otherwise). */
    static String validQuery(String q) {
        if (q == null || q.isBlank()) {
            throw new DomainException.Invalid("q", "search.error.empty");
        }
        if (q.length() > MAX_QUERY) {
            throw new DomainException.Invalid("q", "search.error.tooLong", MAX_QUERY);
        }
        return q.strip();
    }

    Results search(KontorUser viewer, String rawQuery, Filters filters, int offset, int limit) {
        return search(viewer, rawQuery, filters, offset, limit, false);
    }

    /** {@code countAll}: count every hit and facet them all (exact, but without top-k pruning: slower). */
    Results search(KontorUser viewer, String rawQuery, Filters filters, int offset, int limit, boolean countAll) {
        String q = validQuery(rawQuery);
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new DomainException.Invalid("cursor", "validation.cursor");
        }
        Query text = parse(q);
        Query acl = acl(viewer);
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST).add(acl, Occur.FILTER);
        long now = System.currentTimeMillis();
        narrow(b, filters, now);
        Query query = b.build();
        try {
            return applier.index().search(searcher -> {
                TopDocs top;
                FacetCounts counts;
                if (countAll) {
                    Object[] collected = searcher.search(query, new MultiCollectorManager(
                            new TopScoreDocCollectorManager(Math.max(RESCORE_WINDOW, offset + limit),
                                    Integer.MAX_VALUE), FacetCounts.manager(now)));
                    top = (TopDocs) collected[0];
                    counts = (FacetCounts) collected[1];
                } else {
                    top = searcher.search(query, new TopScoreDocCollectorManager(Math.max(COUNTED, offset + limit),
                            COUNTED));
                    counts = FacetCounts.of(searcher, Arrays.copyOf(top.scoreDocs,
                            Math.min(COUNTED, top.scoreDocs.length)), now);
                }
                boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
                ScoreDoc[] ranked = rescore(searcher, top.scoreDocs, now);
                ScoreDoc[] page = Arrays.copyOfRange(ranked, Math.min(offset, ranked.length),
                        Math.min(offset + limit, ranked.length));
                List<Hit> hits = hits(searcher, highlighted(q, QueryParser.Operator.AND), page);
                long total = exact ? top.totalHits.value() : COUNTED;
                String didYouMean = total < 3 ? didYouMean(searcher, q, acl, total) : null;
                return new Results(q, total, exact, hits, facets(counts), didYouMean, offset, limit);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** People, spaces and tags starting with what was typed so far (the header box). */
    Suggestions suggest(KontorUser viewer, String typed) {
        String prefix = typed == null ? "" : typed.strip();
        if (prefix.length() < 2 || prefix.length() > 100) {
            return new Suggestions(List.of(), List.of(), List.of());
        }
        Query acl = acl(viewer);
        Query names = namesPrefix(prefix);
        String tagPrefix = prefix.replaceFirst("^#", "").toLowerCase(Locale.ROOT);
        try {
            return applier.index().search(searcher -> {
                List<Hit> people = topOfType(searcher, names, acl, PersonSource.TYPE);
                List<Hit> spaceHits = topOfType(searcher, names, acl, SpaceSource.TYPE);
                FacetCounts counts = searcher.search(new BooleanQuery.Builder()
                        .add(new PrefixQuery(new Term(Fields.TAG, tagPrefix)), Occur.MUST)
                        .add(acl, Occur.FILTER).build(), FacetCounts.manager(System.currentTimeMillis()));
                List<String> tags = counts.tags.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(tagPrefix))
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .limit(SUGGESTIONS).map(Map.Entry::getKey).toList();
                return new Suggestions(people, spaceHits, tags);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // similar documents while typing (the questions module's ask form)

    /**
     * Up to {@code limit} readable documents of one type that share words with the typed text (any word, best
     * first); nothing for fewer than three characters. Unlike {@link #search}, words are OR-ed: a new title rarely
     * contains every word of an old one.
     */
    List<Hit> similar(KontorUser viewer, String typed, String type, int limit) {
        String q = typed == null ? "" : typed.strip();
        if (q.length() < 3 || q.length() > MAX_QUERY) {
            return List.of();
        }
        String words = QueryParser.escape(q.toLowerCase(Locale.ROOT));
        Query text = parse(words, applier.index().queryAnalyzer(), Fields.SEARCHED, QueryParser.Operator.OR);
        Query query = new BooleanQuery.Builder().add(text, Occur.MUST).add(acl(viewer), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.TYPE, type)), Occur.FILTER).build();
        try {
            return applier.index().search(searcher -> hits(searcher, highlighted(words, QueryParser.Operator.OR),
                    searcher.search(query, limit).scoreDocs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // query parts

    Query parse(String q) {
        return parse(q, applier.index().queryAnalyzer());
    }

    /** The user's query over all searched fields (words AND-ed); syntax errors make it a query for the words. */
    static Query parse(String q, Analyzer analyzer) {
        return parse(q, analyzer, Fields.SEARCHED, QueryParser.Operator.AND);
    }

    private static Query parse(String q, Analyzer analyzer, List<String> fields, QueryParser.Operator operator) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(fields.toArray(String[]::new), analyzer,
                Fields.BOOSTS);
        parser.setDefaultOperator(operator);
        try {
            return parser.parse(q);
        } catch (ParseException | IndexSearcher.TooManyClauses e) {
            try {
                String plain = OPERATOR.matcher(QueryParser.escape(q)).replaceAll(m -> m.group().toLowerCase(
                        Locale.ROOT));
                return parser.parse(plain);
            } catch (ParseException | IndexSearcher.TooManyClauses again) {
                return new MatchNoDocsQuery();
            }
        }
    }

    /**
     * The words to mark in snippets: the same query over the body fields only. Snippets come from the body, and the
     * highlighter looks every term up per hit and field, so title and tag fields would only cost time.
     */
    private Query highlighted(String q, QueryParser.Operator operator) {
        return parse(q, applier.index().queryAnalyzer(), Fields.HIGHLIGHTED, operator);
    }

    /** What the viewer may open, decided now from the current memberships. */
    Query acl(KontorUser viewer) {
        if (viewer == null || !viewer.active()) {
            return new MatchNoDocsQuery();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Set<Long> readable = policy.readableSpaceIds(viewer);
        if (!readable.isEmpty()) {
            b.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.ACL, Acl.SPACE_CONTENT.name())), Occur.FILTER)
                    .add(LongField.newSetQuery(Fields.SPACE, longs(readable)), Occur.FILTER).build(), Occur.SHOULD);
        }
        Set<Long> visible = policy.visibleSpaceIds(viewer);
        if (!visible.isEmpty()) {
            b.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.ACL, Acl.SPACE_LISTING.name())), Occur.FILTER)
                    .add(LongField.newSetQuery(Fields.SPACE, longs(visible)), Occur.FILTER).build(), Occur.SHOULD);
        }
        if (!viewer.guest()) {
            b.add(new TermQuery(new Term(Fields.ACL, Acl.COMPANY.name())), Occur.SHOULD);
        }
        Query conversations = conversations(viewer);
        if (conversations != null) {
            b.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.ACL, Acl.PARTICIPANTS.name())), Occur.FILTER)
                    .add(conversations, Occur.FILTER).build(), Occur.SHOULD);
        }
        b.add(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.ACL, Acl.OWNER.name())), Occur.FILTER)
                .add(LongField.newExactQuery(Fields.AUTHOR, viewer.id()), Occur.FILTER).build(), Occur.SHOULD);
        BooleanQuery q = b.setMinimumNumberShouldMatch(1).build();
        return q.clauses().isEmpty() ? new MatchNoDocsQuery() : q;
    }

    /** Conversations the viewer takes part in, and those they left up to the moment they left; null: none. */
    private Query conversations(KontorUser viewer) {
        List<MessageDocuments.Readable> readable = messages.readableBy(viewer.id());
        if (readable.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        long[] current = readable.stream().filter(r -> r.until() == null)
                .mapToLong(MessageDocuments.Readable::conversationId).toArray();
        if (current.length > 0) {
            b.add(LongField.newSetQuery(Fields.CONVERSATION, current), Occur.SHOULD);
        }
        for (MessageDocuments.Readable r : readable) {
            if (r.until() != null) {
                b.add(new BooleanQuery.Builder()
                        .add(LongField.newExactQuery(Fields.CONVERSATION, r.conversationId()), Occur.FILTER)
                        .add(LongField.newRangeQuery(Fields.CREATED, Long.MIN_VALUE, r.until().toEpochMilli()),
                                Occur.FILTER).build(), Occur.SHOULD);
            }
        }
        return b.setMinimumNumberShouldMatch(1).build();
    }

    private static void narrow(BooleanQuery.Builder b, Filters f, long now) {
        if (f.type() != null) {
            b.add(new TermQuery(new Term(Fields.TYPE, f.type())), Occur.FILTER);
        }
        if (f.spaceId() != null) {
            b.add(NumericDocValuesField.newSlowExactQuery(Fields.CONTENT_SPACE, f.spaceId()), Occur.FILTER);
        }
        if (f.authorId() != null) {
            b.add(LongField.newExactQuery(Fields.AUTHOR, f.authorId()), Occur.FILTER);
        }
        if (f.tag() != null) {
            b.add(new TermQuery(new Term(Fields.TAG, f.tag().toLowerCase(Locale.ROOT))), Occur.FILTER);
        }
        if (f.period() != null) {
            if (f.period().within == null) {
                b.add(LongField.newRangeQuery(Fields.CREATED, Long.MIN_VALUE,
                        now - Period.YEAR.within.toMillis() - 1), Occur.FILTER);
            } else {
                b.add(LongField.newRangeQuery(Fields.CREATED, now - f.period().within.toMillis(), Long.MAX_VALUE),
                        Occur.FILTER);
            }
        }
    }

    /** Every typed word must start a word of the name; the words are split and folded like the indexed names. */
    private Query namesPrefix(String prefix) {
        List<String> words = new ArrayList<>();
        try (TokenStream ts = applier.index().queryAnalyzer().tokenStream(Fields.NAMES, prefix)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                words.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (words.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            Term t = new Term(Fields.NAMES, words.get(i));
            b.add(i == words.size() - 1 ? new PrefixQuery(t) : new TermQuery(t), Occur.MUST);
        }
        return b.build();
    }

    private List<Hit> topOfType(IndexSearcher searcher, Query names, Query acl, String type) throws IOException {
        Query q = new BooleanQuery.Builder().add(names, Occur.MUST).add(acl, Occur.FILTER)
                .add(new TermQuery(new Term(Fields.TYPE, type)), Occur.FILTER).build();
        return hits(searcher, null, searcher.search(q, SUGGESTIONS).scoreDocs);
    }

    // ranking and results

    /**
     * Freshness as a rescore of the best hits: BM25 decides which documents are in, age only reorders them. Age
     * counts in whole hours and ties fall back to the newer document, so that the order stays the same from one
     * page request to the next (cursor paging) even while the clock moves and segments merge.
     */
    private static ScoreDoc[] rescore(IndexSearcher searcher, ScoreDoc[] hits, long now) throws IOException {
        int n = Math.min(RESCORE_WINDOW, hits.length);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<ScoreDoc, Long> created = new java.util.IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[i].doc, leaves));
            SortedNumericDocValues values = DocValues.getSortedNumeric(leaf.reader(), Fields.CREATED);
            long at = values.advanceExact(hits[i].doc - leaf.docBase) ? values.nextValue() : 0;
            created.put(hits[i], at);
            double ageDays = Math.max(0, (now - at) / 3_600_000) / 24.0;
            hits[i].score *= (float) (1 + FRESHNESS * Math.pow(0.5, ageDays / HALF_LIFE_DAYS));
        }
        ScoreDoc[] out = hits.clone();
        Arrays.sort(out, 0, n, Comparator.comparingDouble((ScoreDoc s) -> -s.score)
                .thenComparing((ScoreDoc s) -> -created.get(s)).thenComparingInt(s -> s.doc));
        return out;
    }

    /** Hits with their highlighted snippets ({@code text} null: no snippets, e.g. for suggestions). */
    private List<Hit> hits(IndexSearcher searcher, Query text, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        Map<String, String[]> snippets = Map.of();
        if (text != null) {
            // term by term from the postings offsets: the Weight.matches mode (the default) was twice as costly
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, applier.index().queryAnalyzer())
                    .withWeightMatches(false)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                    .withMaskedFieldsFunc(f -> Fields.BODY_DE.equals(f) ? Set.of(Fields.BODY_DC) : Set.of())
                    .build();
            snippets = highlighter.highlightFields(new String[] {Fields.BODY_DE, Fields.BODY_EN}, text,
                    new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page), new int[] {2, 2});
        }
        var stored = searcher.storedFields();
        record Raw(Document doc, String snippet) {
        }
        List<Raw> raws = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            String snippet = null;
            for (String[] field : snippets.values()) {
                if (field[i] != null) {
                    snippet = field[i];
                }
            }
            raws.add(new Raw(stored.document(page[i].doc), snippet));
        }
        Set<Long> spaceIds = new HashSet<>();
        Set<Long> authorIds = new HashSet<>();
        for (Raw r : raws) {
            longValue(r.doc(), Fields.SPACE).ifPresent(spaceIds::add);
            longValue(r.doc(), Fields.AUTHOR).ifPresent(authorIds::add);
        }
        Map<Long, SpaceDirectory.SpaceRef> spaceRefs = spaces.find(spaceIds);
        Map<Long, UserSummary> authors = identity.findAll(authorIds);
        List<Hit> hits = new ArrayList<>();
        for (Raw r : raws) {
            Document d = r.doc();
            String type = d.get(Fields.TYPE);
            long id = d.getField(Fields.ID).numericValue().longValue();
            Long spaceId = longValue(d, Fields.SPACE).orElse(null);
            Long authorId = longValue(d, Fields.AUTHOR).orElse(null);
            SpaceDirectory.SpaceRef space = spaceId == null ? null : spaceRefs.get(spaceId);
            UserSummary author = authorId == null ? null : authors.get(authorId);
            hits.add(new Hit(type, id, d.get(Fields.TITLE), r.snippet(), d.get(Fields.URL), spaceId,
                    space == null ? null : space.name(), authorId,
                    author == null ? null : author.displayName(),
                    Instant.ofEpochMilli(d.getField(Fields.CREATED).numericValue().longValue()),
                    Arrays.asList(d.getValues(Fields.TAG))));
        }
        return hits;
    }

    private static java.util.Optional<Long> longValue(Document d, String field) {
        IndexableField f = d.getField(field);
        return f == null ? java.util.Optional.empty() : java.util.Optional.of(f.numericValue().longValue());
    }

    private Map<String, List<FacetValue>> facets(FacetCounts c) {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        out.put("type", top(c.types, k -> k, k -> k));
        Map<Long, SpaceDirectory.SpaceRef> refs = spaces.find(candidates(c.spaces));
        out.put("space", top(c.spaces, String::valueOf, k -> refs.containsKey(k) ? refs.get(k).name() : null));
        Map<Long, UserSummary> people = identity.findAll(candidates(c.authors));
        out.put("author", top(c.authors, String::valueOf,
                k -> people.containsKey(k) ? people.get(k).displayName() : null));
        out.put("tag", top(c.tags, k -> k, k -> "#" + k));
        List<FacetValue> periods = new ArrayList<>();
        for (Period p : Period.values()) {
            long n = c.periods.getOrDefault(p, 0L);
            if (n > 0) {
                periods.add(new FacetValue(p.name().toLowerCase(Locale.ROOT), p.name().toLowerCase(Locale.ROOT), n));
            }
        }
        out.put("period", periods);
        return out;
    }

    /**
     * The most frequent values, with room for some whose label is gone (e.g. a deleted space): only these are
     * looked up.
     */
    private static <K> Set<K> candidates(Map<K, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<K, Long>comparingByValue().reversed())
                .limit(2L * FACET_VALUES).map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
    }

    private static <K> List<FacetValue> top(Map<K, Long> counts, java.util.function.Function<K, String> value,
                                            java.util.function.Function<K, String> label) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<K, Long>comparingByValue().reversed())
                .map(e -> new FacetValue(value.apply(e.getKey()), label.apply(e.getKey()), e.getValue()))
                .filter(f -> f.label() != null).limit(FACET_VALUES).toList();
    }

    /**
     * A likely intended query when few hits came back: each plain word replaced by a more frequent similar word of
     * the index, offered only if the corrected query finds more documents the reader may open.
     */
    private String didYouMean(IndexSearcher searcher, String q, Query acl, long total) throws IOException {
        if (SYNTAX.matcher(q).find()) {
            return null;
        }
        DirectSpellChecker checker = new DirectSpellChecker();
        List<String> words = new ArrayList<>();
        boolean changed = false;
        for (String word : q.split("\\s+")) {
            String lower = word.toLowerCase(Locale.ROOT);
            SuggestWord[] similar = lower.length() < 4 ? new SuggestWord[0] : checker.suggestSimilar(
                    new Term(Fields.SPELL, lower), 1, searcher.getIndexReader(), SuggestMode.SUGGEST_MORE_POPULAR);
            if (similar.length > 0) {
                words.add(similar[0].string);
                changed = true;
            } else {
                words.add(word);
            }
        }
        if (!changed) {
            return null;
        }
        String suggestion = String.join(" ", words);
        int found = searcher.count(new BooleanQuery.Builder().add(parse(suggestion), Occur.MUST)
                .add(acl, Occur.FILTER).build());
        return found > total ? suggestion : null;
    }

    private static long[] longs(Set<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}

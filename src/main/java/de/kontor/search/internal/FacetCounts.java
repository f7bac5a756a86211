package de.kontor.search.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts the hits per type, space, author, tag and age, from doc values. It sees only the hits of the query it runs
 * with, and that query carries the reader's permission filter: no count includes anything the reader cannot open.
 * A search counts its best hits only ({@link #of}); the tag suggestions count every hit of their prefix (as a
 * {@link Collector}).
 */
final class FacetCounts implements Collector {

    /** Age buckets of the date facet, newest first. */
    enum Period {
        WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30)), YEAR(Duration.ofDays(365)), OLDER(null);

        final Duration within;

        Period(Duration within) {
            this.within = within;
        }

        static Period of(long ageMillis) {
            for (Period p : values()) {
                if (p.within == null || ageMillis <= p.within.toMillis()) {
                    return p;
                }
            }
            return OLDER;
        }
    }

    final Map<String, Long> types = new HashMap<>();
    final Map<Long, Long> spaces = new HashMap<>();
    final Map<Long, Long> authors = new HashMap<>();
    final Map<String, Long> tags = new HashMap<>();
    final Map<Period, Long> periods = new HashMap<>();
    private final long now;

    FacetCounts(long now) {
        this.now = now;
    }

    static CollectorManager<FacetCounts, FacetCounts> manager(long now) {
        return new CollectorManager<>() {
            @Override
            public FacetCounts newCollector() {
                return new FacetCounts(now);
            }

            @Override
            public FacetCounts reduce(Collection<FacetCounts> collectors) {
                FacetCounts all = new FacetCounts(now);
                for (FacetCounts c : collectors) {
                    c.types.forEach((k, v) -> all.types.merge(k, v, Long::sum));
                    c.spaces.forEach((k, v) -> all.spaces.merge(k, v, Long::sum));
                    c.authors.forEach((k, v) -> all.authors.merge(k, v, Long::sum));
                    c.tags.forEach((k, v) -> all.tags.merge(k, v, Long::sum));
                    c.periods.forEach((k, v) -> all.periods.merge(k, v, Long::sum));
                }
                return all;
            }
        };
    }

    /** Counts the given hits (in any order), e.g. the best hits of a search. */
    static FacetCounts of(IndexSearcher searcher, ScoreDoc[] hits, long now) throws IOException {
        FacetCounts counts = new FacetCounts(now);
        int[] docs = new int[hits.length];
        for (int i = 0; i < hits.length; i++) {
            docs[i] = hits[i].doc;
        }
        Arrays.sort(docs);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int i = 0;
        while (i < docs.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
            int end = leaf.docBase + leaf.reader().maxDoc();
            LeafCollector collector = counts.getLeafCollector(leaf);
            for (; i < docs.length && docs[i] < end; i++) {
                collector.collect(docs[i] - leaf.docBase);
            }
            collector.finish();
        }
        return counts;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        var reader = context.reader();
        SortedSetDocValues type = DocValues.getSortedSet(reader, Fields.TYPE);
        SortedSetDocValues tag = DocValues.getSortedSet(reader, Fields.TAG);
        NumericDocValues space = DocValues.getNumeric(reader, Fields.CONTENT_SPACE);
        SortedNumericDocValues author = DocValues.getSortedNumeric(reader, Fields.AUTHOR);
        SortedNumericDocValues created = DocValues.getSortedNumeric(reader, Fields.CREATED);
        long[] typeCounts = new long[(int) type.getValueCount()];
        long[] tagCounts = new long[(int) tag.getValueCount()];
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) throws IOException {
                if (type.advanceExact(doc)) {
                    for (int i = 0; i < type.docValueCount(); i++) {
                        typeCounts[(int) type.nextOrd()]++;
                    }
                }
                if (tag.advanceExact(doc)) {
                    for (int i = 0; i < tag.docValueCount(); i++) {
                        tagCounts[(int) tag.nextOrd()]++;
                    }
                }
                if (space.advanceExact(doc)) {
                    spaces.merge(space.longValue(), 1L, Long::sum);
                }
                if (author.advanceExact(doc)) {
                    authors.merge(author.nextValue(), 1L, Long::sum);
                }
                if (created.advanceExact(doc)) {
                    periods.merge(Period.of(now - created.nextValue()), 1L, Long::sum);
                }
            }

            @Override
            public void finish() throws IOException {
                for (int ord = 0; ord < typeCounts.length; ord++) {
                    if (typeCounts[ord] > 0) {
                        types.merge(type.lookupOrd(ord).utf8ToString(), typeCounts[ord], Long::sum);
                    }
                }
                for (int ord = 0; ord < tagCounts.length; ord++) {
                    if (tagCounts[ord] > 0) {
                        tags.merge(tag.lookupOrd(ord).utf8ToString(), tagCounts[ord], Long::sum);
                    }
                }
            }
        };
    }
}

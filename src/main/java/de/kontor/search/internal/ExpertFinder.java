package de.kontor.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Service;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.SkillMatch;
import de.kontor.identity.UserSummary;
import de.kontor.shared.DomainException;

/**
 * "Who knows about X?" Ranks people by what they declared (skills, with colleagues' endorsements) and by what they
 * wrote about X that the asker may read: accepted answers, blog articles, wiki pages, posts and questions, each
 * weighted by kind and by age. The content part is a search with the asker's permission filter, so a reason never
 * counts something the asker could not open. People who hid themselves, guests and deactivated accounts are never
 * shown.
 *
 * <p>Wiki pages count for the author of their current revision (the index keeps one author per page), not for every
 * editor of the page's history.
 */
@Service
public class ExpertFinder {

    /** Weight of one document per type: an accepted answer says more about knowledge than a post. */
    static final Map<String, Double> WEIGHTS = Map.of(
            "answer", 3.0, "article", 2.0, "wiki", 1.5, "post", 1.0, "question", 0.5);
    /** Reasons are listed in this order. */
    static final List<String> ORDER = List.of("answer", "article", "wiki", "post", "question");
    static final double SKILL = 4.0;
    static final double PER_ENDORSEMENT = 1.0;
    static final int MAX_ENDORSEMENTS_COUNTED = 10;
    /** An old document still counts a quarter; a new one fully; the rest halves every 180 days. */
    static final double HALF_LIFE_DAYS = 180;
    static final int CONTENT_WINDOW = 1000;
    static final int MAX_TOPIC = 100;

    /** Why a person is shown: a declared skill ({@code type} "skill", {@code count} endorsements) or content. */
    public record Reason(String type, String label, int count, int tagged) {
    }

    public record Expert(UserSummary person, double score, List<Reason> reasons) {
    }

    private final SearchService search;
    private final IndexApplier applier;
    private final IdentityApi identity;

    ExpertFinder(SearchService search, IndexApplier applier, IdentityApi identity) {
        this.search = search;
        this.applier = applier;
        this.identity = identity;
    }

    List<Expert> find(KontorUser viewer, String rawTopic, int limit) {
        if (viewer.guest()) {
            throw new DomainException.Forbidden();
        }
        String topic = SearchService.validQuery(rawTopic);
        if (topic.length() > MAX_TOPIC) {
            throw new DomainException.Invalid("q", "search.error.tooLong", MAX_TOPIC);
        }
        Map<Long, Candidate> candidates = new HashMap<>();
        for (SkillMatch m : identity.skillsMatching(topic, 200)) {
            candidates.computeIfAbsent(m.userId(), Candidate::new).skill(m);
        }
        content(viewer, topic, candidates);
        Set<Long> shown = identity.expertCandidates(candidates.keySet());
        Map<Long, UserSummary> people = identity.findAll(shown);
        return candidates.values().stream()
                .filter(c -> people.containsKey(c.userId))
                .sorted(Comparator.comparingDouble(Candidate::score).reversed()
                        .thenComparing(c -> people.get(c.userId).displayName()))
                .limit(limit)
                .map(c -> new Expert(people.get(c.userId), Math.round(c.score() * 10) / 10.0, c.reasons()))
                .toList();
    }

    /** Documents about the topic the viewer may read, counted per author and type (the best matches only). */
    private void content(KontorUser viewer, String topic, Map<Long, Candidate> candidates) {
        Query text = search.parse(topic);
        Query query = new BooleanQuery.Builder()
                .add(text, Occur.MUST)
                .add(search.acl(viewer), Occur.FILTER)
                .add(new TermInSetQuery(Fields.TYPE, WEIGHTS.keySet().stream().map(BytesRef::new).toList()),
                        Occur.FILTER)
                .build();
        String tag = topic.toLowerCase(Locale.ROOT).replaceFirst("^#", "");
        long now = System.currentTimeMillis();
        try {
            applier.index().search(searcher -> {
                TopDocs top = searcher.search(query, CONTENT_WINDOW);
                var stored = searcher.storedFields();
                for (ScoreDoc hit : top.scoreDocs) {
                    Document d = stored.document(hit.doc);
                    IndexableField author = d.getField(Fields.AUTHOR);
                    if (author == null) {
                        continue;
                    }
                    String type = d.get(Fields.TYPE);
                    long created = d.getField(Fields.CREATED).numericValue().longValue();
                    double ageDays = Math.max(0, now - created) / 86_400_000.0;
                    double weight = WEIGHTS.get(type) * (0.25 + 0.75 * Math.pow(0.5, ageDays / HALF_LIFE_DAYS));
                    boolean tagged = Arrays.asList(d.getValues(Fields.TAG)).contains(tag);
                    candidates.computeIfAbsent(author.numericValue().longValue(), Candidate::new)
                            .content(type, weight, tagged);
                }
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is known about one person while ranking. */
    private static final class Candidate {
        final long userId;
        final List<SkillMatch> skills = new ArrayList<>();
        final Map<String, int[]> counts = new LinkedHashMap<>();
        double contentScore;

        Candidate(long userId) {
            this.userId = userId;
        }

        void skill(SkillMatch m) {
            skills.add(m);
        }

        void content(String type, double weight, boolean tagged) {
            int[] c = counts.computeIfAbsent(type, t -> new int[2]);
            c[0]++;
            if (tagged) {
                c[1]++;
            }
            contentScore += weight;
        }

        double score() {
            double s = contentScore;
            for (SkillMatch m : skills) {
                s += SKILL + PER_ENDORSEMENT * Math.min(m.endorsements(), MAX_ENDORSEMENTS_COUNTED);
            }
            return s;
        }

        List<Reason> reasons() {
            List<Reason> reasons = new ArrayList<>();
            skills.stream().sorted(Comparator.comparingInt(SkillMatch::endorsements).reversed())
                    .forEach(m -> reasons.add(new Reason("skill", m.skill(), m.endorsements(), 0)));
            for (String type : ORDER) {
                int[] c = counts.get(type);
                if (c != null) {
                    reasons.add(new Reason(type, null, c[0], c[1]));
                }
            }
            return reasons;
        }
    }
}

package de.kontor.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.kontor.shared.Cursor;

/** SQL for {@code monitoring_mentions}, their topics, comments and answers. */
@Repository
public class MentionRepository {

    /** The inbox filters; null means "any". {@code unassigned} asks for mentions without any assignee. */
    record Filter(Long topicId, Sentiment.Label sentiment, Long sourceId, Mention.Status status,
                  Long assigneeUserId, Long assigneeSpaceId, boolean unassigned) {
        static final Filter NONE = new Filter(null, null, null, null, null, null, false);
    }

    record NewMention(long sourceId, String url, String canonicalUrl, String author, String text, String fingerprint,
                      String language, double score, Sentiment.Label sentiment, String sentimentWords,
                      Instant publishedAt, Instant receivedAt, Instant dueAt) {
    }

    public record Comment(long id, long authorId, String text, Instant createdAt) {
    }

    public record Answer(long id, long authorId, String text, String link, Instant sentAt) {
    }

    /** When a mention arrived, when it was first reacted to and when that was due (response figures). */
    record Reaction(Instant receivedAt, Instant firstReactionAt, Instant dueAt) {
    }

    private final JdbcClient jdbc;

    MentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the same URL or text is already stored; empty when it was a duplicate. */
    OptionalLong insert(NewMention m, Collection<Long> topicIds) {
        Optional<Long> id = jdbc.sql("""
                        insert into monitoring_mentions (source_id, url, canonical_url, author, text, fingerprint,
                                    language, sentiment_score, sentiment, sentiment_words, published_at, received_at,
                                    due_at)
                        values (:source, :url, :canonical, :author, :text, :fingerprint, :language, :score,
                                :sentiment, :words, :published, :received, :due)
                        on conflict do nothing
                        returning id""")
                .param("source", m.sourceId()).param("url", m.url()).param("canonical", m.canonicalUrl())
                .param("author", m.author()).param("text", m.text()).param("fingerprint", m.fingerprint())
                .param("language", m.language()).param("score", m.score()).param("sentiment", m.sentiment().name())
                .param("words", m.sentimentWords()).param("published", Timestamp.from(m.publishedAt()))
                .param("received", Timestamp.from(m.receivedAt())).param("due", Timestamp.from(m.dueAt()))
                .query(Long.class).optional();
        if (id.isEmpty()) {
            return OptionalLong.empty();
        }
        for (long topic : topicIds) {
            jdbc.sql("insert into monitoring_mention_topics (mention_id, topic_id) values (:m, :t)")
                    .param("m", id.get()).param("t", topic).update();
        }
        return OptionalLong.of(id.get());
    }

    Optional<Mention> find(long id) {
        return jdbc.sql("select * from monitoring_mentions where id = :id").param("id", id)
                .query(MentionRepository::mention).optional();
    }

    Optional<Mention> lock(long id) {
        return jdbc.sql("select * from monitoring_mentions where id = :id for update").param("id", id)
                .query(MentionRepository::mention).optional();
    }

    /** Newest first, keyset-paginated by (published, id). */
    List<Mention> list(Filter f, Cursor cursor, int limit) {
        return jdbc.sql("""
                        select * from monitoring_mentions m
                        where (cast(:topic as bigint) is null or exists (select 1 from monitoring_mention_topics mt
                                   where mt.mention_id = m.id and mt.topic_id = :topic))
                          and (cast(:sentiment as text) is null or m.sentiment = :sentiment)
                          and (cast(:source as bigint) is null or m.source_id = :source)
                          and (cast(:status as text) is null or m.status = :status)
                          and (cast(:user as bigint) is null or m.assignee_user_id = :user)
                          and (cast(:space as bigint) is null or m.assignee_space_id = :space)
                          and (not :unassigned or (m.assignee_user_id is null and m.assignee_space_id is null))
                          and (cast(:cAt as timestamptz) is null or (m.published_at, m.id) < (:cAt, :cId))
                        order by m.published_at desc, m.id desc
                        limit :limit""")
                .param("topic", f.topicId()).param("sentiment", f.sentiment() == null ? null : f.sentiment().name())
                .param("source", f.sourceId()).param("status", f.status() == null ? null : f.status().name())
                .param("user", f.assigneeUserId()).param("space", f.assigneeSpaceId())
                .param("unassigned", f.unassigned())
                .param("cAt", cursor == null ? null : Timestamp.from(Instant.parse(cursor.key())))
                .param("cId", cursor == null ? 0L : cursor.id()).param("limit", limit)
                .query(MentionRepository::mention).list();
    }

    int countNew() {
        return jdbc.sql("select count(*) from monitoring_mentions where status = 'NEW'").query(Integer.class).single();
    }

    Map<Long, List<Long>> topicIds(Collection<Long> mentionIds) {
        Map<Long, List<Long>> out = new HashMap<>();
        if (mentionIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        select mention_id, topic_id from monitoring_mention_topics where mention_id in (:ids)
                        order by topic_id""")
                .param("ids", mentionIds)
                .query((rs, row) -> out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(rs.getLong(2)))
                .list();
        return out;
    }

    void updateStatus(long id, Mention.Status status, String ignoreReason, Long assigneeUserId,
                      Long assigneeSpaceId) {
        jdbc.sql("""
                        update monitoring_mentions
                        set status = :status, ignore_reason = :reason, assignee_user_id = :user,
                            assignee_space_id = :space,
                            first_reaction_at = case when :status = 'NEW' then first_reaction_at
                                                     else coalesce(first_reaction_at, now()) end
                        where id = :id""")
                .param("id", id).param("status", status.name()).param("reason", ignoreReason)
                .param("user", assigneeUserId).param("space", assigneeSpaceId).update();
    }

    long addComment(long mentionId, long authorId, String text) {
        return jdbc.sql("""
                        insert into monitoring_comments (mention_id, author_id, text) values (:m, :a, :t)
                        returning id""")
                .param("m", mentionId).param("a", authorId).param("t", text).query(Long.class).single();
    }

    List<Comment> comments(long mentionId) {
        return jdbc.sql("select * from monitoring_comments where mention_id = :m order by id").param("m", mentionId)
                .query((rs, row) -> new Comment(rs.getLong("id"), rs.getLong("author_id"), rs.getString("text"),
                        SourceRepository.instant(rs, "created_at"))).list();
    }

    long addAnswer(long mentionId, long authorId, String text, String link) {
        return jdbc.sql("""
                        insert into monitoring_answers (mention_id, author_id, text, link) values (:m, :a, :t, :l)
                        returning id""")
                .param("m", mentionId).param("a", authorId).param("t", text).param("l", link)
                .query(Long.class).single();
    }

    List<Answer> answers(long mentionId) {
        return jdbc.sql("select * from monitoring_answers where mention_id = :m order by id").param("m", mentionId)
                .query((rs, row) -> new Answer(rs.getLong("id"), rs.getLong("author_id"), rs.getString("text"),
                        rs.getString("link"), SourceRepository.instant(rs, "sent_at"))).list();
    }

    /** Deletes the texts (and the answers and comments that quote them) of mentions received before the cutoff. */
    int deleteTextsBefore(Instant cutoff) {
        jdbc.sql("""
                        delete from monitoring_comments c using monitoring_mentions m
                        where c.mention_id = m.id and m.received_at < :cutoff and m.text is not null""")
                .param("cutoff", Timestamp.from(cutoff)).update();
        jdbc.sql("""
                        update monitoring_answers a set text = '-', link = null from monitoring_mentions m
                        where a.mention_id = m.id and m.received_at < :cutoff and m.text is not null""")
                .param("cutoff", Timestamp.from(cutoff)).update();
        return jdbc.sql("""
                        update monitoring_mentions
                        set text = null, author = '', url = null, sentiment_words = '', text_deleted_at = now()
                        where received_at < :cutoff and text is not null""")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }

    /** New mentions past their due time that nobody was reminded about yet, locked against a parallel run. */
    List<Mention> lockOverdueUnreminded(Instant now, int limit) {
        return jdbc.sql("""
                        select * from monitoring_mentions
                        where status = 'NEW' and due_at < :now and reminded_at is null
                        order by due_at limit :limit for update skip locked""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(MentionRepository::mention).list();
    }

    void markReminded(long id) {
        jdbc.sql("update monitoring_mentions set reminded_at = now() where id = :id").param("id", id).update();
    }

    /** Mentions per day of the topic since {@code from} (Berlin days): date → [all, positive, neutral, negative]. */
    Map<java.time.LocalDate, int[]> daily(long topicId, Instant from) {
        Map<java.time.LocalDate, int[]> out = new java.util.TreeMap<>();
        jdbc.sql("""
                        select cast(m.received_at at time zone 'Europe/Berlin' as date) as day,
                               count(*) as total,
                               count(*) filter (where m.sentiment = 'POSITIVE') as pos,
                               count(*) filter (where m.sentiment = 'NEUTRAL') as neu,
                               count(*) filter (where m.sentiment = 'NEGATIVE') as neg
                        from monitoring_mentions m join monitoring_mention_topics mt on mt.mention_id = m.id
                        where mt.topic_id = :t and m.received_at >= :from
                        group by day""")
                .param("t", topicId).param("from", Timestamp.from(from))
                .query((rs, row) -> out.put(rs.getDate("day").toLocalDate(), new int[]{rs.getInt("total"),
                        rs.getInt("pos"), rs.getInt("neu"), rs.getInt("neg")}))
                .list();
        return out;
    }

    List<Reaction> reactions(long topicId, Instant from) {
        return jdbc.sql("""
                        select m.received_at, m.first_reaction_at, m.due_at
                        from monitoring_mentions m join monitoring_mention_topics mt on mt.mention_id = m.id
                        where mt.topic_id = :t and m.received_at >= :from""")
                .param("t", topicId).param("from", Timestamp.from(from))
                .query((rs, row) -> new Reaction(SourceRepository.instant(rs, "received_at"),
                        SourceRepository.instant(rs, "first_reaction_at"), SourceRepository.instant(rs, "due_at")))
                .list();
    }

    /** [all, negative] mentions of the topic received in [from, to). */
    int[] counts(long topicId, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*), count(*) filter (where m.sentiment = 'NEGATIVE')
                        from monitoring_mentions m join monitoring_mention_topics mt on mt.mention_id = m.id
                        where mt.topic_id = :t and m.received_at >= :from and m.received_at < :to""")
                .param("t", topicId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, row) -> new int[]{rs.getInt(1), rs.getInt(2)}).single();
    }

    /** Records an alert once per topic, kind and window; false when it was already sent. */
    boolean recordAlert(long topicId, String kind, Instant window) {
        return jdbc.sql("""
                        insert into monitoring_alerts (topic_id, kind, window_at) values (:t, :k, :w)
                        on conflict do nothing""")
                .param("t", topicId).param("k", kind).param("w", Timestamp.from(window)).update() > 0;
    }

    private static Mention mention(ResultSet rs, int row) throws SQLException {
        return new Mention(rs.getLong("id"), rs.getLong("source_id"), rs.getString("url"), rs.getString("author"),
                rs.getString("text"), rs.getString("language"), rs.getDouble("sentiment_score"),
                Sentiment.Label.valueOf(rs.getString("sentiment")), rs.getString("sentiment_words"),
                SourceRepository.instant(rs, "published_at"), SourceRepository.instant(rs, "received_at"),
                Mention.Status.valueOf(rs.getString("status")), rs.getString("ignore_reason"),
                (Long) rs.getObject("assignee_user_id"), (Long) rs.getObject("assignee_space_id"),
                SourceRepository.instant(rs, "due_at"), SourceRepository.instant(rs, "first_reaction_at"));
    }
}

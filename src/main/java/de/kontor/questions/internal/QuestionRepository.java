package de.kontor.questions.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.kontor.shared.Cursor;

/** SQL for questions, answers, comments on answers and up-votes. */
@Repository
class QuestionRepository {

    /** Which questions a list shows: those of one space, or company-wide ones plus those of readable spaces. */
    record Scope(Long spaceId, boolean companyWide, Collection<Long> spaceIds) {
    }

    private final JdbcClient jdbc;

    QuestionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Long spaceId, long authorId, String title, String body, String html, List<String> tags) {
        return jdbc.sql("""
                        insert into questions (space_id, author_id, title, body, body_html, tags)
                        values (:s, :a, :t, :b, :h, :tags) returning id""")
                .param("s", spaceId).param("a", authorId).param("t", title).param("b", body).param("h", html)
                .param("tags", tags.toArray(String[]::new)).query(Long.class).single();
    }

    void update(long id, String title, String body, String html, List<String> tags) {
        jdbc.sql("""
                        update questions set title = :t, body = :b, body_html = :h, tags = :tags, edited_at = now()
                        where id = :id""")
                .param("t", title).param("b", body).param("h", html).param("tags", tags.toArray(String[]::new))
                .param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from questions where id = :id").param("id", id).update();
    }

    Optional<Question> find(long id) {
        return jdbc.sql("select * from questions where id = :id").param("id", id)
                .query(QuestionRepository::question).optional();
    }

    /** Locks the question: accepting and answering one question happen one after another. */
    Optional<Question> lock(long id) {
        return jdbc.sql("select * from questions where id = :id for update").param("id", id)
                .query(QuestionRepository::question).optional();
    }

    /** Newest first, keyset-paginated on (created_at, id); optionally only unanswered ones or one tag. */
    List<Question> list(Scope scope, boolean unanswered, String tag, Cursor after, int limit) {
        StringBuilder where = new StringBuilder();
        if (scope.spaceId() != null) {
            where.append("space_id = :space");
        } else {
            where.append("(space_id = any(:spaces)").append(scope.companyWide() ? " or space_id is null)" : ")");
        }
        if (unanswered) {
            where.append(" and answer_count = 0");
        }
        if (tag != null) {
            where.append(" and :tag = any(tags)");
        }
        if (after != null) {
            where.append(" and (created_at, id) < (:t, :cid)");
        }
        var spec = jdbc.sql("select * from questions where " + where
                        + " order by created_at desc, id desc limit :limit").param("limit", limit);
        if (scope.spaceId() != null) {
            spec = spec.param("space", scope.spaceId());
        } else {
            spec = spec.param("spaces", scope.spaceIds().toArray(Long[]::new));
        }
        if (tag != null) {
            spec = spec.param("tag", tag);
        }
        if (after != null) {
            spec = spec.param("t", Timestamp.from(Instant.parse(after.key()))).param("cid", after.id());
        }
        return spec.query(QuestionRepository::question).list();
    }

    // answers

    long insertAnswer(long questionId, long authorId, String body, String html) {
        long id = jdbc.sql("""
                        insert into question_answers (question_id, author_id, body, body_html)
                        values (:q, :a, :b, :h) returning id""")
                .param("q", questionId).param("a", authorId).param("b", body).param("h", html)
                .query(Long.class).single();
        jdbc.sql("update questions set answer_count = answer_count + 1 where id = :q").param("q", questionId).update();
        return id;
    }

    Optional<Answer> findAnswer(long id) {
        return jdbc.sql("select * from question_answers where id = :id").param("id", id)
                .query(QuestionRepository::answer).optional();
    }

    /** The question's answers: the accepted one first, then by votes, then oldest first. */
    List<Answer> answers(long questionId) {
        return jdbc.sql("""
                        select a.* from question_answers a join questions q on q.id = a.question_id
                        where a.question_id = :q
                        order by (a.id = q.accepted_answer_id) is true desc, a.vote_count desc, a.created_at, a.id""")
                .param("q", questionId).query(QuestionRepository::answer).list();
    }

    List<Long> answerIds(long questionId) {
        return jdbc.sql("select id from question_answers where question_id = :q order by id")
                .param("q", questionId).query(Long.class).list();
    }

    void accept(long questionId, long answerId) {
        jdbc.sql("update questions set accepted_answer_id = :a where id = :q")
                .param("a", answerId).param("q", questionId).update();
    }

    void linkWikiPage(long answerId, long pageId, String url) {
        jdbc.sql("update question_answers set wiki_page_id = :p, wiki_url = :u where id = :id")
                .param("p", pageId).param("u", url).param("id", answerId).update();
    }

    // comments on answers

    long insertComment(long answerId, long authorId, String body, String html) {
        return jdbc.sql("""
                        insert into question_answer_comments (answer_id, author_id, body, body_html)
                        values (:a, :u, :b, :h) returning id""")
                .param("a", answerId).param("u", authorId).param("b", body).param("h", html)
                .query(Long.class).single();
    }

    Map<Long, List<AnswerComment>> comments(Collection<Long> answerIds) {
        Map<Long, List<AnswerComment>> out = new HashMap<>();
        if (answerIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        select * from question_answer_comments where answer_id = any(:ids)
                        order by created_at, id""")
                .param("ids", answerIds.toArray(Long[]::new))
                .query((rs, n) -> new AnswerComment(rs.getLong("id"), rs.getLong("answer_id"), rs.getLong("author_id"),
                        rs.getString("body"), rs.getString("body_html"), rs.getTimestamp("created_at").toInstant()))
                .list().forEach(c -> out.computeIfAbsent(c.answerId(), k -> new java.util.ArrayList<>()).add(c));
        return out;
    }

    // votes: inserting twice or removing a missing vote changes nothing, the counters follow the rows

    void voteQuestion(long questionId, long userId, boolean up) {
        int changed = up
                ? jdbc.sql("insert into question_votes (question_id, user_id) values (:q, :u) on conflict do nothing")
                .param("q", questionId).param("u", userId).update()
                : jdbc.sql("delete from question_votes where question_id = :q and user_id = :u")
                .param("q", questionId).param("u", userId).update();
        if (changed > 0) {
            jdbc.sql("update questions set vote_count = vote_count + :d where id = :q")
                    .param("d", up ? 1 : -1).param("q", questionId).update();
        }
    }

    void voteAnswer(long answerId, long userId, boolean up) {
        int changed = up
                ? jdbc.sql("insert into answer_votes (answer_id, user_id) values (:a, :u) on conflict do nothing")
                .param("a", answerId).param("u", userId).update()
                : jdbc.sql("delete from answer_votes where answer_id = :a and user_id = :u")
                .param("a", answerId).param("u", userId).update();
        if (changed > 0) {
            jdbc.sql("update question_answers set vote_count = vote_count + :d where id = :a")
                    .param("d", up ? 1 : -1).param("a", answerId).update();
        }
    }

    boolean votedQuestion(long questionId, long userId) {
        return jdbc.sql("select exists (select 1 from question_votes where question_id = :q and user_id = :u)")
                .param("q", questionId).param("u", userId).query(Boolean.class).single();
    }

    Set<Long> votedAnswers(long questionId, long userId) {
        return new HashSet<>(jdbc.sql("""
                        select v.answer_id from answer_votes v join question_answers a on a.id = v.answer_id
                        where a.question_id = :q and v.user_id = :u""")
                .param("q", questionId).param("u", userId).query(Long.class).list());
    }

    private static Question question(ResultSet rs, int row) throws SQLException {
        Timestamp edited = rs.getTimestamp("edited_at");
        Array tags = rs.getArray("tags");
        return new Question(rs.getLong("id"), (Long) rs.getObject("space_id"), rs.getLong("author_id"),
                rs.getString("title"), rs.getString("body"), rs.getString("body_html"),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                (Long) rs.getObject("accepted_answer_id"), rs.getInt("answer_count"), rs.getInt("vote_count"),
                rs.getTimestamp("created_at").toInstant(), edited == null ? null : edited.toInstant());
    }

    private static Answer answer(ResultSet rs, int row) throws SQLException {
        return new Answer(rs.getLong("id"), rs.getLong("question_id"), rs.getLong("author_id"), rs.getString("body"),
                rs.getString("body_html"), rs.getInt("vote_count"), rs.getTimestamp("created_at").toInstant(),
                (Long) rs.getObject("wiki_page_id"), rs.getString("wiki_url"));
    }
}

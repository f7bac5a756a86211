package de.kontor.questions;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import de.kontor.shared.Markdown;

/**
 * Questions and accepted answers as plain text for indexing (the search module). It decides nothing about access: a
 * reader filters by {@code spaceId} with {@link de.kontor.spaces.VisibilityPolicy}; company-wide questions
 * ({@code spaceId} null) are for every active member, never for guests.
 */
@Service
public class QuestionDocuments {

    /** A question with the text of its answers. */
    public record QuestionDocument(long id, Long spaceId, long authorId, String title, String text,
                                   List<String> answers, List<String> tags, Instant createdAt) {
    }

    /** An accepted answer: written by {@code authorId}, titled and tagged like its question. */
    public record AnswerDocument(long id, long questionId, Long spaceId, long authorId, String questionTitle,
                                 String text, List<String> tags, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    public QuestionDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The question; empty when it does not exist (any more). */
    public Optional<QuestionDocument> question(long id) {
        return questions("where q.id = :key", id, 1).stream().findFirst();
    }

    /** Up to {@code limit} questions with an id greater than {@code afterId}, by id (a full index rebuild). */
    public List<QuestionDocument> questions(long afterId, int limit) {
        return questions("where q.id > :key", afterId, limit);
    }

    /** The answer while it is its question's accepted answer; empty otherwise. */
    public Optional<AnswerDocument> acceptedAnswer(long answerId) {
        return accepted("and a.id = :key", answerId, 1).stream().findFirst();
    }

    /** Up to {@code limit} accepted answers with an id greater than {@code afterId}, by id. */
    public List<AnswerDocument> acceptedAnswers(long afterId, int limit) {
        return accepted("and a.id > :key", afterId, limit);
    }

    private List<QuestionDocument> questions(String where, long key, int limit) {
        record Row(long id, Long spaceId, long authorId, String title, String body, List<String> tags,
                   Instant createdAt) {
        }
        List<Row> rows = jdbc.sql("select q.id, q.space_id, q.author_id, q.title, q.body, q.tags, q.created_at "
                        + "from questions q " + where + " order by q.id limit :limit")
                .param("key", key).param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong("id"), (Long) rs.getObject("space_id"), rs.getLong("author_id"),
                        rs.getString("title"), rs.getString("body"), tags(rs),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> answers = new HashMap<>();
        jdbc.sql("select question_id, body from question_answers where question_id = any(:ids) order by id")
                .param("ids", rows.stream().map(Row::id).toArray(Long[]::new))
                .query((rs, n) -> answers.computeIfAbsent(rs.getLong("question_id"), k -> new ArrayList<>())
                        .add(Markdown.toPlainText(rs.getString("body"))))
                .list();
        return rows.stream().map(r -> new QuestionDocument(r.id(), r.spaceId(), r.authorId(), r.title(),
                Markdown.toPlainText(r.body()), answers.getOrDefault(r.id(), List.of()), r.tags(), r.createdAt()))
                .toList();
    }

    private List<AnswerDocument> accepted(String where, long key, int limit) {
        return jdbc.sql("""
                        select a.id, a.question_id, q.space_id, a.author_id, q.title, a.body, q.tags, a.created_at
                        from question_answers a join questions q on q.accepted_answer_id = a.id
                        where true\s""" + where + " order by a.id limit :limit")
                .param("key", key).param("limit", limit)
                .query((rs, n) -> new AnswerDocument(rs.getLong("id"), rs.getLong("question_id"),
                        (Long) rs.getObject("space_id"), rs.getLong("author_id"), rs.getString("title"),
                        Markdown.toPlainText(rs.getString("body")), tags(rs),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static List<String> tags(ResultSet rs) throws SQLException {
        Array a = rs.getArray("tags");
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}

package de.kontor.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import de.kontor.shared.Markdown;

/**
 * Posts as plain text for indexing (the search module): the text of a post and of its live comments, its tags and
 * where it lives. It decides nothing about access: a reader of the documents filters by {@code spaceId} with
 * {@link de.kontor.spaces.VisibilityPolicy} (profile posts, {@code spaceId} null, are for every active member).
 */
@Service
public class PostDocuments {

    /** A post for the index; {@code deleted} posts are to be removed from it. */
    public record PostDocument(long id, Long spaceId, long authorId, String text, List<String> comments,
                               List<String> tags, Instant createdAt, boolean deleted) {
    }

    /** {@code @[Name](user:12)} becomes {@code @Name}: the id is no word anybody searches for. */
    private static final Pattern MENTION = Pattern.compile("@\\[([^\\]]{1,120})]\\(user:\\d{1,18}\\)");

    private final JdbcClient jdbc;

    public PostDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The post, deleted ones included; empty when it never existed (or was removed with its space). */
    public Optional<PostDocument> find(long id) {
        return load("where p.id = :key", id, 1).stream().findFirst();
    }

    /** Up to {@code limit} live posts with an id greater than {@code afterId}, by id (a full index rebuild). */
    public List<PostDocument> page(long afterId, int limit) {
        return load("where p.id > :key and p.deleted_at is null", afterId, limit);
    }

    private List<PostDocument> load(String where, long key, int limit) {
        record Row(long id, Long spaceId, long authorId, String body, Instant createdAt, boolean deleted) {
        }
        List<Row> rows = jdbc.sql("select p.id, p.space_id, p.author_id, p.body, p.created_at, p.deleted_at "
                        + "from posts p " + where + " order by p.id limit :limit")
                .param("key", key).param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong("id"), (Long) rs.getObject("space_id"), rs.getLong("author_id"),
                        rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("deleted_at") != null))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, List<String>> comments = new HashMap<>();
        jdbc.sql("""
                        select post_id, body from comments where post_id = any(:ids) and deleted_at is null
                        order by created_at, id""")
                .param("ids", ids)
                .query((rs, n) -> comments.computeIfAbsent(rs.getLong("post_id"), k -> new ArrayList<>())
                        .add(plain(rs.getString("body"))))
                .list();
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("select post_id, tag from post_tags where post_id = any(:ids) and deleted_at is null order by tag")
                .param("ids", ids)
                .query((rs, n) -> tags.computeIfAbsent(rs.getLong("post_id"), k -> new ArrayList<>())
                        .add(rs.getString("tag")))
                .list();
        return rows.stream().map(r -> new PostDocument(r.id(), r.spaceId(), r.authorId(), plain(r.body()),
                comments.getOrDefault(r.id(), List.of()), tags.getOrDefault(r.id(), List.of()), r.createdAt(),
                r.deleted())).toList();
    }

    /** Markdown source as the words a reader sees (no link targets, no markup). */
    static String plain(String markdown) {
        return Markdown.toPlainText(MENTION.matcher(markdown).replaceAll("@$1"));
    }
}

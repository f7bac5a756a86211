package de.kontor.stream.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for posts, their revisions, comments, reactions, tags and mentions. */
@Repository
class PostRepository {

    private static final String POST_COLUMNS = """
            id, space_id, author_id, body, body_html, created_at, edited_at, deleted_at, pinned_at, comment_count,
            reaction_count""";
    private static final String COMMENT_COLUMNS = """
            id, post_id, parent_id, author_id, body, body_html, created_at, edited_at, deleted_at""";

    private final JdbcClient jdbc;

    PostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // posts

    Post insert(Long spaceId, long authorId, String body, String html) {
        return jdbc.sql("insert into posts (space_id, author_id, body, body_html) values (:s, :a, :b, :h) returning "
                        + POST_COLUMNS)
                .param("s", spaceId).param("a", authorId).param("b", body).param("h", html)
                .query(PostRepository::post).single();
    }

    Optional<Post> find(long id) {
        return jdbc.sql("select " + POST_COLUMNS + " from posts where id = :id").param("id", id)
                .query(PostRepository::post).optional();
    }

    /** Posts by id in the order of the ids given. */
    List<Post> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Post> byId = new HashMap<>();
        jdbc.sql("select " + POST_COLUMNS + " from posts where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new)).query(PostRepository::post).list()
                .forEach(p -> byId.put(p.id(), p));
        return ids.stream().map(byId::get).filter(p -> p != null).toList();
    }

    void lock(long id) {
        jdbc.sql("select id from posts where id = :id for update").param("id", id).query(Long.class).optional();
    }

    void keepRevision(Post p, long editorId) {
        jdbc.sql("""
                        insert into post_revisions (post_id, body, body_html, created_at, editor_id)
                        values (:p, :b, :h, :c, :e)""")
                .param("p", p.id()).param("b", p.body()).param("h", p.bodyHtml())
                .param("c", Timestamp.from(p.editedAt() == null ? p.createdAt() : p.editedAt()))
                .param("e", editorId).update();
    }

    Post updateBody(long id, String body, String html) {
        return jdbc.sql("update posts set body = :b, body_html = :h, edited_at = now() where id = :id returning "
                        + POST_COLUMNS)
                .param("id", id).param("b", body).param("h", html).query(PostRepository::post).single();
    }

    List<Revision> revisions(long postId) {
        return jdbc.sql("""
                        select id, post_id, body, body_html, created_at, replaced_at, editor_id
                        from post_revisions where post_id = :p order by id desc""")
                .param("p", postId)
                .query((rs, n) -> new Revision(rs.getLong("id"), rs.getLong("post_id"), rs.getString("body"),
                        rs.getString("body_html"), instant(rs, "created_at"), instant(rs, "replaced_at"),
                        (Long) rs.getObject("editor_id")))
                .list();
    }

    void softDelete(long id, long by) {
        jdbc.sql("update posts set deleted_at = now(), deleted_by = :by where id = :id")
                .param("id", id).param("by", by).update();
        jdbc.sql("update post_tags set deleted_at = now() where post_id = :id").param("id", id).update();
        jdbc.sql("update mentions set deleted_at = now() where post_id = :id").param("id", id).update();
    }

    void setPinned(long id, Long by) {
        jdbc.sql("""
                        update posts set pinned_at = case when :by::bigint is null then null else now() end,
                                         pinned_by = :by where id = :id""")
                .param("id", id).param("by", by).update();
    }

    /** Posts and comments the author wrote since the given time (the rate limit counts them across nodes). */
    List<Instant> writesSince(long authorId, Instant since) {
        return jdbc.sql("""
                        select created_at from posts where author_id = :a and created_at > :since
                        union all
                        select created_at from comments where author_id = :a and created_at > :since
                        order by 1""")
                .param("a", authorId).param("since", Timestamp.from(since))
                .query((rs, n) -> instant(rs, "created_at")).list();
    }

    // tags and mentions (space and time copied from the post)

    void replaceTags(Post p, Set<String> tags) {
        jdbc.sql("delete from post_tags where post_id = :p").param("p", p.id()).update();
        for (String tag : tags) {
            jdbc.sql("""
                            insert into post_tags (tag, post_id, space_id, created_at)
                            values (:t, :p, :s, :c)""")
                    .param("t", tag).param("p", p.id()).param("s", p.spaceId())
                    .param("c", Timestamp.from(p.createdAt())).update();
        }
    }

    /** Records a mention; false when it was recorded before (an edit repeating it notifies nobody again). */
    boolean addMention(long userId, Post p, Long commentId) {
        return jdbc.sql("""
                        insert into mentions (user_id, post_id, comment_id, space_id, created_at)
                        values (:u, :p, :c, :s, :at) on conflict do nothing""")
                .param("u", userId).param("p", p.id()).param("c", commentId).param("s", p.spaceId())
                .param("at", Timestamp.from(p.createdAt())).update() == 1;
    }

    // comments

    Comment insertComment(long postId, Long parentId, long authorId, String body, String html) {
        Comment c = jdbc.sql("""
                        insert into comments (post_id, parent_id, author_id, body, body_html)
                        values (:p, :parent, :a, :b, :h) returning """ + " " + COMMENT_COLUMNS)
                .param("p", postId).param("parent", parentId).param("a", authorId).param("b", body)
                .param("h", html).query(PostRepository::comment).single();
        jdbc.sql("update posts set comment_count = comment_count + 1 where id = :p").param("p", postId).update();
        return c;
    }

    Optional<Comment> findComment(long id) {
        return jdbc.sql("select " + COMMENT_COLUMNS + " from comments where id = :id").param("id", id)
                .query(PostRepository::comment).optional();
    }

    Comment updateComment(long id, String body, String html) {
        return jdbc.sql("update comments set body = :b, body_html = :h, edited_at = now() where id = :id returning "
                        + COMMENT_COLUMNS)
                .param("id", id).param("b", body).param("h", html).query(PostRepository::comment).single();
    }

    /** Soft-deletes the comment and its replies (a reply without its comment would be out of context). */
    void deleteComment(Comment c, long by) {
        int n = jdbc.sql("""
                        update comments set deleted_at = now(), deleted_by = :by
                        where (id = :id or parent_id = :id) and deleted_at is null""")
                .param("id", c.id()).param("by", by).update();
        jdbc.sql("update posts set comment_count = comment_count - :n where id = :p")
                .param("n", n).param("p", c.postId()).update();
        jdbc.sql("""
                        update mentions set deleted_at = now()
                        where comment_id in (select id from comments where id = :id or parent_id = :id)""")
                .param("id", c.id()).update();
    }

    /** Live comments of the posts, oldest first (replies after their parent is the caller's job). */
    List<Comment> comments(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COMMENT_COLUMNS + " " + """
                         from comments where post_id = any(:ids) and deleted_at is null
                        order by created_at, id""")
                .param("ids", postIds.toArray(Long[]::new)).query(PostRepository::comment).list();
    }

    // reactions

    boolean addReaction(long postId, long userId, String reaction) {
        boolean added = jdbc.sql("""
                        insert into reactions (post_id, user_id, reaction) values (:p, :u, :r)
                        on conflict do nothing""")
                .param("p", postId).param("u", userId).param("r", reaction).update() == 1;
        if (added) {
            jdbc.sql("update posts set reaction_count = reaction_count + 1 where id = :p").param("p", postId).update();
        }
        return added;
    }

    boolean removeReaction(long postId, long userId, String reaction) {
        boolean removed = jdbc.sql("delete from reactions where post_id = :p and user_id = :u and reaction = :r")
                .param("p", postId).param("u", userId).param("r", reaction).update() == 1;
        if (removed) {
            jdbc.sql("update posts set reaction_count = reaction_count - 1 where id = :p").param("p", postId).update();
        }
        return removed;
    }

    /** Per post: reaction code → ids of the people who reacted, in the order they did. */
    Map<Long, Map<String, List<Long>>> reactions(Collection<Long> postIds) {
        Map<Long, Map<String, List<Long>>> out = new HashMap<>();
        if (postIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select post_id, reaction, user_id from reactions where post_id = any(:ids) order by created_at")
                .param("ids", postIds.toArray(Long[]::new))
                .query((rs, n) -> {
                    out.computeIfAbsent(rs.getLong("post_id"), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString("reaction"), k -> new java.util.ArrayList<>())
                            .add(rs.getLong("user_id"));
                    return null;
                }).list();
        return out;
    }

    static Post post(ResultSet rs, int row) throws SQLException {
        return new Post(rs.getLong("id"), (Long) rs.getObject("space_id"), rs.getLong("author_id"),
                rs.getString("body"), rs.getString("body_html"), instant(rs, "created_at"),
                instant(rs, "edited_at"), instant(rs, "deleted_at"), instant(rs, "pinned_at"),
                rs.getInt("comment_count"), rs.getInt("reaction_count"));
    }

    static Comment comment(ResultSet rs, int row) throws SQLException {
        return new Comment(rs.getLong("id"), rs.getLong("post_id"), (Long) rs.getObject("parent_id"),
                rs.getLong("author_id"), rs.getString("body"), rs.getString("body_html"),
                instant(rs, "created_at"), instant(rs, "edited_at"), instant(rs, "deleted_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

package de.kontor.blogs.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.kontor.shared.Cursor;

/** SQL for {@code blog_articles}. */
@Repository
class ArticleRepository {

    /** The columns a writer sets. */
    record Text(String title, String teaser, String body, String html, List<String> tags) {
    }

    /** Which published articles a list shows: one space's, one person's, or every readable one. */
    record Scope(Long spaceId, Long personId, Collection<Long> spaceIds, boolean personBlogs) {
    }

    private static final String COLUMNS = """
            id, space_id, author_id, title, teaser, body, body_html, tags, state, publish_at, published_at, post_id,
            cover is not null as has_cover, created_at, updated_at""";

    private final JdbcClient jdbc;

    ArticleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Long spaceId, long authorId, Text t) {
        return jdbc.sql("""
                        insert into blog_articles (space_id, author_id, title, teaser, body, body_html, tags, state)
                        values (:s, :a, :t, :teaser, :b, :h, :tags, 'DRAFT') returning id""")
                .param("s", spaceId).param("a", authorId).param("t", t.title()).param("teaser", t.teaser())
                .param("b", t.body()).param("h", t.html()).param("tags", t.tags().toArray(String[]::new))
                .query(Long.class).single();
    }

    void update(long id, Text t) {
        jdbc.sql("""
                        update blog_articles set title = :t, teaser = :teaser, body = :b, body_html = :h, tags = :tags,
                                                 updated_at = now()
                        where id = :id""")
                .param("t", t.title()).param("teaser", t.teaser()).param("b", t.body()).param("h", t.html())
                .param("tags", t.tags().toArray(String[]::new)).param("id", id).update();
    }

    void draft(long id) {
        jdbc.sql("update blog_articles set state = 'DRAFT', publish_at = null where id = :id and state <> 'PUBLISHED'")
                .param("id", id).update();
    }

    void schedule(long id, Instant at) {
        jdbc.sql("update blog_articles set state = 'SCHEDULED', publish_at = :at where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void published(long id, Instant at, Long postId) {
        jdbc.sql("""
                        update blog_articles set state = 'PUBLISHED', publish_at = null, published_at = :at,
                                                 post_id = :post
                        where id = :id""")
                .param("at", Timestamp.from(at)).param("post", postId).param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from blog_articles where id = :id").param("id", id).update();
    }

    Optional<Article> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from blog_articles where id = :id").param("id", id)
                .query(ArticleRepository::article).optional();
    }

    /** Locks the article: publishing it now and by the job happen one after another, never twice. */
    Optional<Article> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from blog_articles where id = :id for update").param("id", id)
                .query(ArticleRepository::article).optional();
    }

    /** Ids of scheduled articles whose time has come, oldest first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                        select id from blog_articles where state = 'SCHEDULED' and publish_at <= :now
                        order by publish_at, id limit :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
    }

    /** Published articles, newest first, keyset-paginated on (published_at, id). */
    List<Article> published(Scope scope, Cursor after, int limit) {
        StringBuilder where = new StringBuilder("state = 'PUBLISHED'");
        if (scope.spaceId() != null) {
            where.append(" and space_id = :space");
        } else if (scope.personId() != null) {
            where.append(" and space_id is null and author_id = :person");
        } else {
            where.append(" and (space_id = any(:spaces)").append(scope.personBlogs() ? " or space_id is null)" : ")");
        }
        if (after != null) {
            where.append(" and (published_at, id) < (:t, :cid)");
        }
        var spec = jdbc.sql("select " + COLUMNS + " from blog_articles where " + where
                + " order by published_at desc, id desc limit :limit").param("limit", limit);
        if (scope.spaceId() != null) {
            spec = spec.param("space", scope.spaceId());
        } else if (scope.personId() != null) {
            spec = spec.param("person", scope.personId());
        } else {
            spec = spec.param("spaces", scope.spaceIds().toArray(Long[]::new));
        }
        if (after != null) {
            spec = spec.param("t", Timestamp.from(Instant.parse(after.key()))).param("cid", after.id());
        }
        return spec.query(ArticleRepository::article).list();
    }

    /**
     * Drafts and scheduled articles of one blog that the viewer may see: their own, or every one of the space when
     * {@code all} (a moderator of the space).
     */
    List<Article> unpublished(Long spaceId, long viewerId, boolean all, int limit) {
        String blog = spaceId == null ? "space_id is null" : "space_id = :space";
        var spec = jdbc.sql("select " + COLUMNS + " from blog_articles where state <> 'PUBLISHED' and " + blog
                        + (all ? "" : " and author_id = :viewer") + " order by updated_at desc, id desc limit :limit")
                .param("viewer", viewerId).param("limit", limit);
        if (spaceId != null) {
            spec = spec.param("space", spaceId);
        }
        return spec.query(ArticleRepository::article).list();
    }

    void setCover(long id, String type, byte[] data) {
        jdbc.sql("update blog_articles set cover_type = :t, cover = :c, updated_at = now() where id = :id")
                .param("t", type).param("c", data).param("id", id).update();
    }

    /** The cover's content type and bytes; empty when the article has none. */
    Optional<Cover> cover(long id) {
        return jdbc.sql("select cover_type, cover from blog_articles where id = :id and cover is not null")
                .param("id", id).query((rs, n) -> new Cover(rs.getString("cover_type"), rs.getBytes("cover")))
                .optional();
    }

    record Cover(String type, byte[] data) {
    }

    private static Article article(ResultSet rs, int row) throws SQLException {
        Array tags = rs.getArray("tags");
        Timestamp publishAt = rs.getTimestamp("publish_at");
        Timestamp publishedAt = rs.getTimestamp("published_at");
        return new Article(rs.getLong("id"), (Long) rs.getObject("space_id"), rs.getLong("author_id"),
                rs.getString("title"), rs.getString("teaser"), rs.getString("body"), rs.getString("body_html"),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                Article.State.valueOf(rs.getString("state")), publishAt == null ? null : publishAt.toInstant(),
                publishedAt == null ? null : publishedAt.toInstant(), (Long) rs.getObject("post_id"),
                rs.getBoolean("has_cover"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}

package de.kontor.wiki.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for watches, page comments and a space's page templates. */
@Repository
class WikiExtrasRepository {

    private final JdbcClient jdbc;

    WikiExtrasRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // watches

    void watch(long pageId, long userId) {
        jdbc.sql("insert into wiki_watches (page_id, user_id) values (:p, :u) on conflict do nothing")
                .param("p", pageId).param("u", userId).update();
    }

    void unwatch(long pageId, long userId) {
        jdbc.sql("delete from wiki_watches where page_id = :p and user_id = :u").param("p", pageId)
                .param("u", userId).update();
    }

    boolean watching(long pageId, long userId) {
        return jdbc.sql("select exists (select 1 from wiki_watches where page_id = :p and user_id = :u)")
                .param("p", pageId).param("u", userId).query(Boolean.class).single();
    }

    // comments

    WikiComment insertComment(long pageId, long authorId, String body) {
        return jdbc.sql("""
                        insert into wiki_comments (page_id, author_id, body) values (:p, :a, :b)
                        returning id, page_id, author_id, body, created_at""")
                .param("p", pageId).param("a", authorId).param("b", body).query(WikiExtrasRepository::comment)
                .single();
    }

    List<WikiComment> comments(long pageId) {
        return jdbc.sql("select id, page_id, author_id, body, created_at from wiki_comments where page_id = :p "
                        + "order by id")
                .param("p", pageId).query(WikiExtrasRepository::comment).list();
    }

    Optional<WikiComment> comment(long id) {
        return jdbc.sql("select id, page_id, author_id, body, created_at from wiki_comments where id = :id")
                .param("id", id).query(WikiExtrasRepository::comment).optional();
    }

    void deleteComment(long id) {
        jdbc.sql("delete from wiki_comments where id = :id").param("id", id).update();
    }

    // templates

    List<PageTemplate> templates(long spaceId) {
        return jdbc.sql("select id, name, body from wiki_templates where space_id = :s order by lower(name)")
                .param("s", spaceId)
                .query((rs, n) -> new PageTemplate(rs.getLong("id"), null, rs.getString("name"), rs.getString("body")))
                .list();
    }

    long insertTemplate(long spaceId, String name, String body, long userId) {
        return jdbc.sql("""
                        insert into wiki_templates (space_id, name, body, created_by) values (:s, :n, :b, :u)
                        returning id""")
                .param("s", spaceId).param("n", name).param("b", body).param("u", userId).query(Long.class)
                .single();
    }

    boolean templateExists(long spaceId, String name) {
        return jdbc.sql("select exists (select 1 from wiki_templates where space_id = :s and lower(name) = lower(:n))")
                .param("s", spaceId).param("n", name).query(Boolean.class).single();
    }

    int deleteTemplate(long spaceId, long id) {
        return jdbc.sql("delete from wiki_templates where space_id = :s and id = :id").param("s", spaceId)
                .param("id", id).update();
    }

    private static WikiComment comment(ResultSet rs, int n) throws SQLException {
        return new WikiComment(rs.getLong("id"), rs.getLong("page_id"), rs.getObject("author_id", Long.class),
                rs.getString("body"), rs.getTimestamp("created_at").toInstant());
    }
}

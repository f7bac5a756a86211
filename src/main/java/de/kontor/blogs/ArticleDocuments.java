package de.kontor.blogs;

import java.sql.Array;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import de.kontor.shared.Markdown;

/**
 * Published articles as plain text for indexing (the search module); drafts and scheduled articles are never
 * documents. It decides nothing about access: readers filter by {@code spaceId} with the spaces policy; articles of
 * a person's blog ({@code spaceId} null) are for every active member, never for guests.
 */
@Service
public class ArticleDocuments {

    public record ArticleDocument(long id, Long spaceId, long authorId, String title, String text, List<String> tags,
                                  Instant publishedAt) {
    }

    private final JdbcClient jdbc;

    public ArticleDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The article while it is published; empty otherwise. */
    public Optional<ArticleDocument> find(long id) {
        return load("and id = :key", id, 1).stream().findFirst();
    }

    /** Up to {@code limit} published articles with an id greater than {@code afterId}, by id (a full rebuild). */
    public List<ArticleDocument> page(long afterId, int limit) {
        return load("and id > :key", afterId, limit);
    }

    private List<ArticleDocument> load(String where, long key, int limit) {
        return jdbc.sql("select id, space_id, author_id, title, teaser, body, tags, published_at from blog_articles "
                        + "where state = 'PUBLISHED' " + where + " order by id limit :limit")
                .param("key", key).param("limit", limit)
                .query((rs, n) -> {
                    Array tags = rs.getArray("tags");
                    String teaser = rs.getString("teaser");
                    return new ArticleDocument(rs.getLong("id"), (Long) rs.getObject("space_id"),
                            rs.getLong("author_id"), rs.getString("title"),
                            (teaser.isBlank() ? "" : teaser + "\n\n") + Markdown.toPlainText(rs.getString("body")),
                            tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                            rs.getTimestamp("published_at").toInstant());
                })
                .list();
    }
}

package de.kontor.bookmarks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Bookmarks as plain text for indexing (the search module). It decides nothing about access: a private bookmark
 * ({@code spaceId} null) is for its owner only, a space's bookmark for the space's readers.
 */
@Service
public class BookmarkDocuments {

    /** A bookmark for the index. */
    public record BookmarkDocument(long id, long ownerId, Long spaceId, String url, String title, String note,
                                   List<String> tags, Instant createdAt) {
    }

    private static final String COLUMNS = "id, owner_id, space_id, url, title, note, created_at";

    private final JdbcClient jdbc;

    public BookmarkDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The bookmark; empty when it does not exist (any more). */
    public Optional<BookmarkDocument> find(long id) {
        return load("where id = :key", id, 1).stream().findFirst();
    }

    /** Up to {@code limit} bookmarks with an id greater than {@code afterId}, by id (a full index rebuild). */
    public List<BookmarkDocument> page(long afterId, int limit) {
        return load("where id > :key", afterId, limit);
    }

    private List<BookmarkDocument> load(String where, long key, int limit) {
        List<BookmarkDocument> rows = jdbc.sql("select " + COLUMNS + " from bookmarks " + where
                        + " order by id limit :limit")
                .param("key", key).param("limit", limit).query(BookmarkDocuments::row).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("select bookmark_id, tag from bookmark_tags where bookmark_id = any(:ids) order by tag")
                .param("ids", rows.stream().map(BookmarkDocument::id).toArray(Long[]::new))
                .query((rs, n) -> tags.computeIfAbsent(rs.getLong("bookmark_id"), k -> new ArrayList<>())
                        .add(rs.getString("tag")))
                .list();
        return rows.stream().map(b -> new BookmarkDocument(b.id(), b.ownerId(), b.spaceId(), b.url(), b.title(),
                b.note(), tags.getOrDefault(b.id(), List.of()), b.createdAt())).toList();
    }

    private static BookmarkDocument row(ResultSet rs, int n) throws SQLException {
        return new BookmarkDocument(rs.getLong("id"), rs.getLong("owner_id"), (Long) rs.getObject("space_id"),
                rs.getString("url"), rs.getString("title"), rs.getString("note"), List.of(),
                rs.getTimestamp("created_at").toInstant());
    }
}

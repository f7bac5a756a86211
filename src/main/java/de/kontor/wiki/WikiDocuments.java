package de.kontor.wiki;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import de.kontor.shared.Markdown;

/**
 * Wiki pages as plain text for indexing (the search module): the current revision's title and text, the labels and
 * the space. It decides nothing about access: a page is readable by the readers of its space (a restricted page is
 * only restricted for editing).
 */
@Service
public class WikiDocuments {

    /** A page for the index; {@code editorId} is who wrote the current revision (null when that account is gone). */
    public record WikiDocument(long id, long spaceId, Long editorId, String title, String text, List<String> labels,
                               Instant updatedAt) {

        public String url() {
            return "/spaces/" + spaceId + "/wiki/" + id;
        }
    }

    private final JdbcClient jdbc;

    public WikiDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The page; empty when it does not exist (deleted pages are removed from their table). */
    public Optional<WikiDocument> find(long id) {
        return load("where p.id = :key", id, 1).stream().findFirst();
    }

    /** Up to {@code limit} pages with an id greater than {@code afterId}, by id (a full index rebuild). */
    public List<WikiDocument> page(long afterId, int limit) {
        return load("where p.id > :key", afterId, limit);
    }

    private List<WikiDocument> load(String where, long key, int limit) {
        record Row(long id, long spaceId, Long editorId, String title, String body, Instant updatedAt) {
        }
        List<Row> rows = jdbc.sql("""
                        select p.id, p.space_id, r.author_id, p.title, coalesce(r.body, '') as body, p.updated_at
                        from wiki_pages p left join wiki_revisions r on r.id = p.current_revision_id
                        """ + where + " order by p.id limit :limit")
                .param("key", key).param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("space_id"), (Long) rs.getObject("author_id"),
                        rs.getString("title"), rs.getString("body"), rs.getTimestamp("updated_at").toInstant()))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> labels = new HashMap<>();
        jdbc.sql("select page_id, label from wiki_labels where page_id = any(:ids) order by label")
                .param("ids", rows.stream().map(Row::id).toArray(Long[]::new))
                .query((rs, n) -> labels.computeIfAbsent(rs.getLong("page_id"), k -> new ArrayList<>())
                        .add(rs.getString("label")))
                .list();
        return rows.stream().map(r -> new WikiDocument(r.id(), r.spaceId(), r.editorId(), r.title(),
                Markdown.toPlainText(r.body()), labels.getOrDefault(r.id(), List.of()), r.updatedAt())).toList();
    }
}

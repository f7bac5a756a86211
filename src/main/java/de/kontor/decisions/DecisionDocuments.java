package de.kontor.decisions;

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
 * Decisions as plain text for indexing (the search module): title, context and the options. Readable by the readers of the decision's space; it decides nothing about access itself.
 */
@Service
public class DecisionDocuments {

    public record DecisionDocument(long id, long spaceId, long proposerId, String title, String text, String status,
                                   Instant createdAt) {

        public String url() {
            return "/decisions/" + id;
        }
    }

    private final JdbcClient jdbc;

    public DecisionDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DecisionDocument> find(long id) {
        return load("where d.id = :key", id, 1).stream().findFirst();
    }

    /** Up to {@code limit} decisions with an id greater than {@code afterId}, by id (a full index rebuild). */
    public List<DecisionDocument> page(long afterId, int limit) {
        return load("where d.id > :key", afterId, limit);
    }

    private List<DecisionDocument> load(String where, long key, int limit) {
        record Row(long id, long spaceId, long proposerId, String title, String context, String status,
                   Instant createdAt) {
        }
        List<Row> rows = jdbc.sql("""
                        select d.id, d.space_id, d.proposer_id, d.title, d.context, d.status, d.created_at
                        from decisions d
                        """ + where + " order by d.id limit :limit")
                .param("key", key).param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("space_id"), rs.getLong("proposer_id"),
                        rs.getString("title"), rs.getString("context"), rs.getString("status"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> options = new HashMap<>();
        jdbc.sql("select decision_id, label from decision_options where decision_id = any(:ids) order by position")
                .param("ids", rows.stream().map(Row::id).toArray(Long[]::new))
                .query((rs, n) -> options.computeIfAbsent(rs.getLong("decision_id"), k -> new ArrayList<>())
                        .add(rs.getString("label")))
                .list();
        return rows.stream().map(r -> {
            StringBuilder text = new StringBuilder(Markdown.toPlainText(r.context()));
            for (String option : options.getOrDefault(r.id(), List.of())) {
                text.append('\n').append(option);
            }
            return new DecisionDocument(r.id(), r.spaceId(), r.proposerId(), r.title(), text.toString(), r.status(),
                    r.createdAt());
        }).toList();
    }
}

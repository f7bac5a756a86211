package de.kontor.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import de.kontor.shared.Markdown;

/**
 * Direct messages as plain text for indexing (the search module), and who may read which conversation: a current
 * participant reads all of it, a former one the messages up to the moment they left.
 */
@Service
public class MessageDocuments {

    /** A message for the index; {@code deleted} ones are to be removed from it. */
    public record MessageDocument(long id, long conversationId, Long senderId, String text, Instant createdAt,
                                  boolean deleted) {
    }

    /** A conversation the person may read, up to {@code until} (null: all of it, they still take part). */
    public record Readable(long conversationId, Instant until) {
    }

    private static final String COLUMNS = "id, conversation_id, sender_id, body, created_at, deleted_at";

    private final JdbcClient jdbc;

    public MessageDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The message, deleted ones included; empty when it does not exist. */
    public Optional<MessageDocument> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from messages where id = :id").param("id", id)
                .query(MessageDocuments::document).optional();
    }

    /** Up to {@code limit} live messages with an id greater than {@code afterId}, by id (a full index rebuild). */
    public List<MessageDocument> page(long afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from messages where id > :after and deleted_at is null "
                        + "order by id limit :limit")
                .param("after", afterId).param("limit", limit).query(MessageDocuments::document).list();
    }

    /** Every conversation the person takes or took part in, with how far they may read it. */
    public List<Readable> readableBy(long userId) {
        return jdbc.sql("select conversation_id, left_at from conversation_participants where user_id = :u")
                .param("u", userId)
                .query((rs, n) -> {
                    Timestamp left = rs.getTimestamp("left_at");
                    return new Readable(rs.getLong("conversation_id"), left == null ? null : left.toInstant());
                }).list();
    }

    private static MessageDocument document(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new MessageDocument(rs.getLong("id"), rs.getLong("conversation_id"), (Long) rs.getObject("sender_id"),
                Markdown.toPlainText(rs.getString("body")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("deleted_at") != null);
    }
}

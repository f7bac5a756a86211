package de.kontor.stream.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read state for the "only unread" filter: posts a person opened or answered, and their "all read" watermark. */
@Repository
class ReadRepository {

    private final JdbcClient jdbc;

    ReadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent and cheap: opening a post again costs one index probe, no update. */
    void markRead(long userId, long postId) {
        jdbc.sql("insert into post_reads (user_id, post_id) values (:u, :p) on conflict do nothing")
                .param("u", userId).param("p", postId).update();
    }

    /** Everything written until now counts as read. */
    void markAllRead(long userId) {
        jdbc.sql("""
                        insert into stream_read_marks (user_id, all_read_before) values (:u, now())
                        on conflict (user_id) do update set all_read_before = excluded.all_read_before""")
                .param("u", userId).update();
    }

    Optional<Instant> watermark(long userId) {
        return jdbc.sql("select all_read_before from stream_read_marks where user_id = :u").param("u", userId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }
}

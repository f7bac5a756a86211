package de.kontor.search.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** SQL for {@code search_outbox}: appended in content transactions, read by every node's index. */
@Repository
class Outbox {

    enum Op { UPSERT, DELETE }

    record Row(long seq, String type, long id, Op op) {
    }

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction: the row exists exactly when the content change does. */
    void append(String type, long id, Op op) {
        jdbc.sql("insert into search_outbox (doc_type, doc_id, op) values (:t, :id, :op)")
                .param("t", type).param("id", id).param("op", op.name()).update();
    }

    List<Row> after(long seq, int limit) {
        return jdbc.sql("""
                        select seq, doc_type, doc_id, op from search_outbox where seq > :seq
                        order by seq limit :limit""")
                .param("seq", seq).param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong("seq"), rs.getString("doc_type"), rs.getLong("doc_id"),
                        Op.valueOf(rs.getString("op"))))
                .list();
    }

    long maxSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from search_outbox").query(Long.class).single();
    }

    /** The database's clock: profile change times ({@code updated_at}) are stamped by it, not by this node's. */
    Instant databaseNow() {
        return jdbc.sql("select clock_timestamp()").query(Timestamp.class).single().toInstant();
    }

    /** The highest seq deleted by the cleanup: an index behind it has missed changes. */
    long horizon() {
        return jdbc.sql("select deleted_up_to from search_outbox_horizon where id = 1").query(Long.class).single();
    }

    /** Deletes the rows older than {@code before}; returns how many. */
    @Transactional
    int deleteBefore(Instant before) {
        long last = jdbc.sql("select coalesce(max(seq), 0) from search_outbox where created_at < :b")
                .param("b", Timestamp.from(before)).query(Long.class).single();
        if (last == 0) {
            return 0;
        }
        jdbc.sql("update search_outbox_horizon set deleted_up_to = greatest(deleted_up_to, :s) where id = 1")
                .param("s", last).update();
        return jdbc.sql("delete from search_outbox where seq <= :s").param("s", last).update();
    }
}

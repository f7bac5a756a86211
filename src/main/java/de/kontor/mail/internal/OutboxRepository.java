package de.kontor.mail.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the outbox and the addresses that refuse mail. */
@Repository
public class OutboxRepository {

    /** A claimed outbox row. */
    record Queued(long id, String to, String subject, String text, String html, String replyTo,
                  String unsubscribeUrl, boolean autoReply, int attempts) {
    }

    /** An address that failed or bounced. */
    public record BlockedAddress(String address, String status, String reason, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OutgoingMail m, String status) {
        jdbc.sql("""
                        insert into mail_outbox (user_id, to_address, kind, subject, text_body, html_body, reply_to,
                                                 unsubscribe_url, auto_reply, status)
                        values (:u, :to, :kind, :subject, :text, :html, :replyTo, :unsub, :auto, :status)""")
                .param("u", m.userId()).param("to", m.to()).param("kind", m.kind().name())
                .param("subject", m.subject()).param("text", m.text()).param("html", m.html())
                .param("replyTo", m.replyTo()).param("unsub", m.unsubscribeUrl()).param("auto", m.autoReply())
                .param("status", status).update();
    }

    /**
     * Due mails, locked for this transaction; rows another node holds are skipped, so each mail is sent by one
     * node only.
     */
    List<Queued> claimDue(int limit) {
        return jdbc.sql("""
                        select id, to_address, subject, text_body, html_body, reply_to, unsubscribe_url, auto_reply,
                               attempts
                        from mail_outbox where status = 'PENDING' and next_attempt_at <= now()
                        order by next_attempt_at, id limit :limit for update skip locked""")
                .param("limit", limit)
                .query((rs, n) -> new Queued(rs.getLong("id"), rs.getString("to_address"), rs.getString("subject"),
                        rs.getString("text_body"), rs.getString("html_body"), rs.getString("reply_to"),
                        rs.getString("unsubscribe_url"), rs.getBoolean("auto_reply"), rs.getInt("attempts")))
                .list();
    }

    void markSent(long id) {
        jdbc.sql("update mail_outbox set status = 'SENT', sent_at = now(), attempts = attempts + 1 where id = :id")
                .param("id", id).update();
    }

    void markFinal(long id, String status, String error) {
        jdbc.sql("""
                        update mail_outbox set status = :s, last_error = :e, attempts = attempts + 1
                        where id = :id""")
                .param("id", id).param("s", status).param("e", error).update();
    }

    void retryLater(long id, Instant next, String error) {
        jdbc.sql("""
                        update mail_outbox set attempts = attempts + 1, next_attempt_at = :next, last_error = :e
                        where id = :id""")
                .param("id", id).param("next", java.sql.Timestamp.from(next)).param("e", error).update();
    }

    /** Number of outbox rows per status (all four statuses present). */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String s : List.of("PENDING", "SENT", "FAILED", "SUPPRESSED")) {
            counts.put(s, 0);
        }
        jdbc.sql("select status, count(*) from mail_outbox group by status")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    boolean blocked(String address) {
        return jdbc.sql("select exists (select 1 from mail_addresses where address = :a)")
                .param("a", address.toLowerCase(Locale.ROOT)).query(Boolean.class).single();
    }

    void block(String address, String status, String reason) {
        jdbc.sql("""
                        insert into mail_addresses (address, status, reason) values (:a, :s, :r)
                        on conflict (address) do update set status = excluded.status, reason = excluded.reason,
                                                            updated_at = now()""")
                .param("a", address.toLowerCase(Locale.ROOT)).param("s", status)
                .param("r", reason.length() > 500 ? reason.substring(0, 500) : reason).update();
    }

    void unblock(String address) {
        jdbc.sql("delete from mail_addresses where address = :a").param("a", address.toLowerCase(Locale.ROOT))
                .update();
    }

    List<BlockedAddress> blockedAddresses(int limit) {
        return jdbc.sql("""
                        select address, status, reason, updated_at from mail_addresses
                        order by updated_at desc, address limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new BlockedAddress(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }
}

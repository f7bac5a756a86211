package de.kontor.mail.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the digest preferences; no row means no digest. */
@Repository
public class DigestRepository {

    public enum Frequency { OFF, DAILY, WEEKLY }

    /** A person's digest setting; {@code lastSentAt} null before the first digest. */
    record DigestPreference(long userId, Frequency frequency, int hour, String zone, Instant lastSentAt,
                            Instant nextDueAt) {
    }

    private final JdbcClient jdbc;

    DigestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DigestPreference> find(long userId) {
        return jdbc.sql("select * from mail_digest_preferences where user_id = :u").param("u", userId)
                .query(DigestRepository::row).optional();
    }

    void save(long userId, Frequency frequency, int hour, String zone, Instant nextDueAt) {
        jdbc.sql("""
                        insert into mail_digest_preferences (user_id, frequency, hour, zone, next_due_at)
                        values (:u, :f, :h, :z, :next)
                        on conflict (user_id) do update set frequency = excluded.frequency, hour = excluded.hour,
                            zone = excluded.zone, next_due_at = excluded.next_due_at""")
                .param("u", userId).param("f", frequency.name()).param("h", hour).param("z", zone)
                .param("next", java.sql.Timestamp.from(nextDueAt)).update();
    }

    void delete(long userId) {
        jdbc.sql("delete from mail_digest_preferences where user_id = :u").param("u", userId).update();
    }

    /** Due digests, locked for this transaction (another node skips them). */
    List<DigestPreference> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                        select * from mail_digest_preferences where next_due_at <= :now
                        order by next_due_at, user_id limit :limit for update skip locked""")
                .param("now", java.sql.Timestamp.from(now)).param("limit", limit)
                .query(DigestRepository::row).list();
    }

    void markSent(long userId, Instant sentAt, Instant nextDueAt) {
        jdbc.sql("update mail_digest_preferences set last_sent_at = :s, next_due_at = :n where user_id = :u")
                .param("u", userId).param("s", java.sql.Timestamp.from(sentAt))
                .param("n", java.sql.Timestamp.from(nextDueAt)).update();
    }

    private static DigestPreference row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Timestamp last = rs.getTimestamp("last_sent_at");
        return new DigestPreference(rs.getLong("user_id"), Frequency.valueOf(rs.getString("frequency")),
                rs.getInt("hour"), rs.getString("zone"), last == null ? null : last.toInstant(),
                rs.getTimestamp("next_due_at").toInstant());
    }
}

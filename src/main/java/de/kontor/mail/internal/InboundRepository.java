package de.kontor.mail.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for incoming mail: what was handled already, and the spaces' post-by-email addresses. */
@Repository
class InboundRepository {

    private final JdbcClient jdbc;

    InboundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean handled(String messageId) {
        return jdbc.sql("select exists (select 1 from mail_inbound where message_id = :m)").param("m", messageId)
                .query(Boolean.class).single();
    }

    void record(String messageId, String sender, String outcome) {
        jdbc.sql("""
                        insert into mail_inbound (message_id, sender, outcome) values (:m, :s, :o)
                        on conflict (message_id) do nothing""")
                .param("m", messageId).param("s", sender)
                .param("o", outcome.length() > 500 ? outcome.substring(0, 500) : outcome).update();
    }

    Optional<String> spaceToken(long spaceId) {
        return jdbc.sql("select token from mail_space_addresses where space_id = :s").param("s", spaceId)
                .query(String.class).optional();
    }

    Optional<Long> spaceByToken(String token) {
        return jdbc.sql("select space_id from mail_space_addresses where token = :t").param("t", token)
                .query(Long.class).optional();
    }

    /** A new random token for the space (the old address stops working). */
    String newSpaceToken(long spaceId) {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        jdbc.sql("""
                        insert into mail_space_addresses (space_id, token) values (:s, :t)
                        on conflict (space_id) do update set token = excluded.token, created_at = now()""")
                .param("s", spaceId).param("t", token).update();
        return token;
    }
}

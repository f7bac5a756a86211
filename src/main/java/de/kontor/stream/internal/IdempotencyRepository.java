package de.kontor.stream.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored first responses of POST requests that carried an {@code Idempotency-Key}. */
@Repository
class IdempotencyRepository {

    record Stored(String requestHash, int status, String body, String location) {
    }

    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reserves the key; false when it exists. A concurrent request with the same key waits here until the first
     * one's transaction ends, so two requests can never both run the operation.
     */
    boolean reserve(long userId, String key, String hash) {
        return jdbc.sql("""
                        insert into idempotency_keys (user_id, key, request_hash) values (:u, :k, :h)
                        on conflict do nothing""")
                .param("u", userId).param("k", key).param("h", hash).update() == 1;
    }

    Optional<Stored> find(long userId, String key) {
        return jdbc.sql("select request_hash, status, body, location from idempotency_keys where user_id = :u and key = :k")
                .param("u", userId).param("k", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    void complete(long userId, String key, int status, String body, String location) {
        jdbc.sql("update idempotency_keys set status = :s, body = :b, location = :l where user_id = :u and key = :k")
                .param("u", userId).param("k", key).param("s", status).param("b", body).param("l", location)
                .update();
    }
}

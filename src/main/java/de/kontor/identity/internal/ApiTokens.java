package de.kontor.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.kontor.identity.KontorUser;

/** Personal access tokens: the secret is shown once and only its SHA-256 hash is stored. */
@Repository
public class ApiTokens {

    public static final Set<String> SCOPES = Set.of("read", "write", "admin");
    private static final SecureRandom RANDOM = new SecureRandom();

    public record ApiToken(long id, String name, List<String> scopes, Instant createdAt, Instant lastUsedAt,
                           Instant expiresAt, Instant revokedAt) {
        public boolean usable() {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(Instant.now()));
        }
    }

    public record Created(ApiToken token, String secret) {
    }

    public record Authenticated(KontorUser user, Set<String> scopes, long tokenId) {
    }

    private final JdbcClient jdbc;

    public ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Created create(long userId, String name, Set<String> scopes, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "kontor_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                        insert into api_tokens (user_id, name, token_hash, scopes, expires_at)
                        values (:u, :n, :h, :s, :e) returning id""")
                .param("u", userId).param("n", name.strip()).param("h", hash(secret))
                .param("s", new TreeSet<>(scopes).toArray(String[]::new))
                .param("e", expiresAt == null ? null : java.sql.Timestamp.from(expiresAt))
                .query(Long.class).single();
        return new Created(find(userId, id).orElseThrow(), secret);
    }

    public List<ApiToken> list(long userId) {
        return jdbc.sql("""
                        select id, name, scopes, created_at, last_used_at, expires_at, revoked_at
                        from api_tokens where user_id = :u order by created_at desc, id desc""")
                .param("u", userId).query(ApiTokens::row).list();
    }

    public Optional<ApiToken> find(long userId, long id) {
        return jdbc.sql("""
                        select id, name, scopes, created_at, last_used_at, expires_at, revoked_at
                        from api_tokens where user_id = :u and id = :id""")
                .param("u", userId).param("id", id).query(ApiTokens::row).optional();
    }

    /** Revokes a token of the user; false when there is no such token. */
    public boolean revoke(long userId, long id) {
        return jdbc.sql("update api_tokens set revoked_at = coalesce(revoked_at, now()) where user_id = :u and id = :id")
                .param("u", userId).param("id", id).update() == 1;
    }

    /** The active user and scopes behind a secret, if it is valid; records the last-used time (per minute). */
    public Optional<Authenticated> authenticate(String secret) {
        Optional<Authenticated> result = jdbc.sql("""
                        select t.id as token_id, t.scopes, u.id, u.email, u.password_hash, u.display_name, u.role,
                               u.active, u.locale
                        from api_tokens t join users u on u.id = t.user_id
                        where t.token_hash = :h and t.revoked_at is null
                          and (t.expires_at is null or t.expires_at > now()) and u.active""")
                .param("h", hash(secret))
                .query((rs, i) -> new Authenticated(UserRepository.principal(rs, i), scopes(rs),
                        rs.getLong("token_id")))
                .optional();
        result.ifPresent(a -> jdbc.sql("""
                        update api_tokens set last_used_at = now()
                        where id = :id and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
                .param("id", a.tokenId()).update());
        return result;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> scopes(ResultSet rs) throws SQLException {
        Array a = rs.getArray("scopes");
        return new TreeSet<>(Arrays.asList((String[]) a.getArray()));
    }

    private static ApiToken row(ResultSet rs, int i) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"), List.copyOf(scopes(rs)),
                instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "expires_at"),
                instant(rs, "revoked_at"));
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        java.sql.Timestamp ts = rs.getTimestamp(col);
        return ts == null ? null : ts.toInstant();
    }
}

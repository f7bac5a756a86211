package de.kontor.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.kontor.identity.Role;

/** Invitations to join the company; only the SHA-256 hash of the link's token is stored. */
@Repository
public class InvitationRepository {

    public record Invitation(long id, String email, Role role, Long invitedById, String invitedByName,
                             Instant createdAt, Instant expiresAt, Instant acceptedAt, Instant revokedAt) {

        public boolean expired() {
            return !expiresAt.isAfter(Instant.now());
        }
    }

    private static final String SELECT = """
            select i.id, i.email, i.role, i.invited_by, u.display_name as invited_by_name, i.created_at, i.expires_at,
                   i.accepted_at, i.revoked_at
            from user_invitations i left join users u on u.id = i.invited_by
            """;

    private final JdbcClient jdbc;

    public InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String tokenHash, String email, Role role, Long invitedBy, Instant expiresAt) {
        return jdbc.sql("""
                        insert into user_invitations (token_hash, email, role, invited_by, expires_at)
                        values (:h, :e, :r, :by, :exp) returning id""")
                .param("h", tokenHash).param("e", email.strip()).param("r", role.name()).param("by", invitedBy)
                .param("exp", Timestamp.from(expiresAt))
                .query(Long.class).single();
    }

    public Optional<Invitation> find(long id) {
        return jdbc.sql(SELECT + "where i.id = :id").param("id", id).query(InvitationRepository::row).optional();
    }

    public Optional<Invitation> findByTokenHash(String hash) {
        return jdbc.sql(SELECT + "where i.token_hash = :h").param("h", hash).query(InvitationRepository::row)
                .optional();
    }

    /** Not accepted, not revoked and not expired; soonest expiry first. */
    public List<Invitation> open() {
        return jdbc.sql(SELECT + """
                        where i.accepted_at is null and i.revoked_at is null and i.expires_at > now()
                        order by i.expires_at, i.id""")
                .query(InvitationRepository::row).list();
    }

    public boolean revoke(long id) {
        return jdbc.sql("""
                        update user_invitations set revoked_at = now()
                        where id = :id and accepted_at is null and revoked_at is null""")
                .param("id", id).update() == 1;
    }

    /** Marks an open invitation as used; false when it was used, revoked or expired meanwhile (one use only). */
    public boolean accept(long id) {
        return jdbc.sql("""
                        update user_invitations set accepted_at = now()
                        where id = :id and accepted_at is null and revoked_at is null and expires_at > now()""")
                .param("id", id).update() == 1;
    }

    /** Once someone joined, the other open links for the same address are no longer needed. */
    public void revokeOpenFor(String email) {
        jdbc.sql("""
                        update user_invitations set revoked_at = now()
                        where lower(email) = lower(:e) and accepted_at is null and revoked_at is null""")
                .param("e", email.strip()).update();
    }

    private static Invitation row(ResultSet rs, int i) throws SQLException {
        return new Invitation(rs.getLong("id"), rs.getString("email"), Role.valueOf(rs.getString("role")),
                rs.getObject("invited_by") == null ? null : rs.getLong("invited_by"), rs.getString("invited_by_name"),
                ApiTokens.instant(rs, "created_at"), ApiTokens.instant(rs, "expires_at"),
                ApiTokens.instant(rs, "accepted_at"), ApiTokens.instant(rs, "revoked_at"));
    }
}

package de.kontor.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.kontor.identity.Role;

/** The administration's and account security's view of the users table (kept apart from the profile queries). */
@Repository
public class UserAdminRepository {

    /** Filter for the admin list: every part may be null. Status is "active", "inactive" or "pending". */
    public record Filter(String query, Role role, String status) {
    }

    public record UserRow(long id, String displayName, String email, Role role, boolean active, boolean hasPassword,
                          Instant createdAt, Instant lastLoginAt) {
    }

    /** Who a user is for the account checks: whether there is a password, whether the account is active. */
    public record Account(long id, String email, String displayName, Role role, boolean active, String passwordHash) {
        public boolean hasPassword() {
            return passwordHash != null;
        }

        public String principalName() {
            return email.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final String ROW_SELECT = """
            select u.id, u.display_name, u.email, u.role, u.active, u.password_hash is not null as has_password,
                   u.created_at,
                   (select max(a.at) from login_attempts a
                    where lower(a.email) = lower(u.email) and a.success) as last_login_at
            from users u
            """;

    private final JdbcClient jdbc;

    public UserAdminRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of users ordered by name, after the (lower-cased name, id) key; the last login is the newest
     * successful row in login_attempts.
     */
    public List<UserRow> list(Filter f, String afterName, Long afterId, int limit) {
        String q = f.query() == null || f.query().isBlank() ? null
                : "%" + UserRepository.escapeLike(f.query().strip().toLowerCase(java.util.Locale.ROOT)) + "%";
        return jdbc.sql(ROW_SELECT + """
                        where (cast(:q as text) is null or lower(u.display_name) like :q or lower(u.email) like :q)
                          and (cast(:role as text) is null or u.role = :role)
                          and (cast(:status as text) is null
                               or (:status = 'active' and u.active and u.password_hash is not null)
                               or (:status = 'inactive' and not u.active)
                               or (:status = 'pending' and u.active and u.password_hash is null))
                          and (cast(:afterName as text) is null or (lower(u.display_name), u.id) > (:afterName, :afterId))
                        order by lower(u.display_name), u.id
                        limit :limit""")
                .param("q", q)
                .param("role", f.role() == null ? null : f.role().name())
                .param("status", f.status())
                .param("afterName", afterName)
                .param("afterId", afterId == null ? 0L : afterId)
                .param("limit", limit)
                .query(UserAdminRepository::row).list();
    }

    public Optional<UserRow> findRow(long id) {
        return jdbc.sql(ROW_SELECT + "where u.id = :id").param("id", id).query(UserAdminRepository::row).optional();
    }

    public Optional<Account> findAccount(long id) {
        return jdbc.sql("select id, email, display_name, role, active, password_hash from users where id = :id")
                .param("id", id).query(UserAdminRepository::account).optional();
    }

    public Optional<Account> findAccountByEmail(String email) {
        return jdbc.sql("""
                        select id, email, display_name, role, active, password_hash
                        from users where lower(email) = lower(:e)""")
                .param("e", email.strip()).query(UserAdminRepository::account).optional();
    }

    /** Row lock on one user, so that two admins changing roles at once cannot both remove "the other" last admin. */
    public void lockAdmins() {
        jdbc.sql("select id from users where role = 'ADMIN' and active order by id for update").query().listOfRows();
    }

    public int countActiveAdminsExcept(long userId) {
        return jdbc.sql("select count(*) from users where role = 'ADMIN' and active and id <> :id")
                .param("id", userId).query(Integer.class).single();
    }

    public void setActive(long id, boolean active) {
        jdbc.sql("update users set active = :a, updated_at = now() where id = :id")
                .param("a", active).param("id", id).update();
    }

    public void setRole(long id, Role role) {
        jdbc.sql("update users set role = :r, updated_at = now() where id = :id")
                .param("r", role.name()).param("id", id).update();
    }

    public void setPassword(long id, String passwordHash) {
        jdbc.sql("""
                        update users set password_hash = :h, password_changed_at = now(), updated_at = now()
                        where id = :id""")
                .param("h", passwordHash).param("id", id).update();
    }

    /** Completes an account created without a password (CSV import) when its owner accepts the invitation. */
    public void completeAccount(long id, String displayName, String passwordHash, Role role) {
        jdbc.sql("""
                        update users set display_name = :n, password_hash = :h, role = :r, password_changed_at = now(),
                                         updated_at = now()
                        where id = :id and password_hash is null""")
                .param("n", displayName.strip()).param("h", passwordHash).param("r", role.name()).param("id", id)
                .update();
    }

    private static UserRow row(ResultSet rs, int i) throws SQLException {
        return new UserRow(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("active"), rs.getBoolean("has_password"),
                ApiTokens.instant(rs, "created_at"), ApiTokens.instant(rs, "last_login_at"));
    }

    private static Account account(ResultSet rs, int i) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("active"), rs.getString("password_hash"));
    }
}

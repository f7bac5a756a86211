package de.kontor.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.kontor.identity.KontorUser;
import de.kontor.identity.Role;
import de.kontor.identity.UserSummary;

@Repository
public class UserRepository {

    static final String SUMMARY_COLUMNS = """
            u.id, u.display_name, u.email, u.role, u.active, u.job_title, o.name as org_unit, u.company,
            u.avatar_version""";
    private static final String SUMMARY_FROM = " from users u left join org_units o on o.id = u.org_unit_id ";

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean anyUserExists() {
        return jdbc.sql("select exists (select 1 from users)").query(Boolean.class).single();
    }

    public Optional<KontorUser> findPrincipalByEmail(String email) {
        return jdbc.sql("""
                        select id, email, password_hash, display_name, role, active, locale
                        from users where lower(email) = lower(:email)""")
                .param("email", email.strip())
                .query(UserRepository::principal).optional();
    }

    public Optional<KontorUser> findPrincipal(long id) {
        return jdbc.sql("""
                        select id, email, password_hash, display_name, role, active, locale
                        from users where id = :id""")
                .param("id", id)
                .query(UserRepository::principal).optional();
    }

    /** Serializes the creation of the first administrator. */
    public void lockUsers() {
        jdbc.sql("lock table users in share row exclusive mode").update();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from users where lower(email) = lower(:e))")
                .param("e", email.strip()).query(Boolean.class).single();
    }

    public long create(String email, String passwordHash, String displayName, Role role) {
        return jdbc.sql("""
                        insert into users (email, password_hash, display_name, role, password_changed_at)
                        values (:email, :hash, :name, :role, now()) returning id""")
                .param("email", email.strip()).param("hash", passwordHash).param("name", displayName.strip())
                .param("role", role.name())
                .query(Long.class).single();
    }

    public Optional<UserSummary> findSummary(long id) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + SUMMARY_FROM + "where u.id = :id")
                .param("id", id).query(UserRepository::summary).optional();
    }

    public Optional<UserSummary> findSummaryByEmail(String email) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + SUMMARY_FROM + "where lower(u.email) = lower(:e)")
                .param("e", email.strip()).query(UserRepository::summary).optional();
    }

    public Map<Long, UserSummary> findSummaries(Collection<Long> ids) {
        Map<Long, UserSummary> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("select " + SUMMARY_COLUMNS + SUMMARY_FROM + "where u.id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query(UserRepository::summary).list()
                .forEach(s -> result.put(s.id(), s));
        return result;
    }

    public List<UserSummary> suggest(String prefix, int limit) {
        String p = prefix == null ? "" : prefix.strip().toLowerCase(java.util.Locale.ROOT);
        return jdbc.sql("select " + SUMMARY_COLUMNS + SUMMARY_FROM + """
                        where u.active and (lower(u.display_name) like :p or lower(u.email) like :p
                              or lower(u.display_name) like :w)
                        order by lower(u.display_name), u.id limit :limit""")
                .param("p", escapeLike(p) + "%").param("w", "% " + escapeLike(p) + "%").param("limit", limit)
                .query(UserRepository::summary).list();
    }

    /** People for the search index: after {@code afterId} by id, or (with {@code since}) by (change time, id). */
    public List<de.kontor.identity.PersonText> personTexts(long afterId, java.time.Instant since, int limit) {
        String where = since == null ? "u.id > :after order by u.id"
                : "(u.updated_at, u.id) > (:since, :after) order by u.updated_at, u.id";
        return jdbc.sql("""
                        select u.id, u.display_name, u.job_title, o.name as org_unit, u.company, u.role, u.active,
                               u.updated_at,
                               coalesce((select string_agg(s.skill, chr(10) order by s.skill) from user_skills s
                                         where s.user_id = u.id), '') as skills
                        """ + SUMMARY_FROM + "where " + where + " limit :limit")
                .param("after", afterId)
                .param("since", since == null ? null : java.sql.Timestamp.from(since))
                .param("limit", limit)
                .query((rs, n) -> new de.kontor.identity.PersonText(rs.getLong("id"), rs.getString("display_name"),
                        rs.getString("job_title"), rs.getString("org_unit"), rs.getString("company"),
                        rs.getString("skills").isEmpty() ? List.of() : List.of(rs.getString("skills").split("\n")),
                        Role.valueOf(rs.getString("role")), rs.getBoolean("active"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static KontorUser principal(ResultSet rs, int row) throws SQLException {
        return new KontorUser(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getBoolean("active"),
                rs.getString("locale"));
    }

    static UserSummary summary(ResultSet rs, int row) throws SQLException {
        return new UserSummary(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("active"), rs.getString("job_title"),
                rs.getString("org_unit"), rs.getString("company"), rs.getInt("avatar_version"));
    }

    /** Org units by name (id → name), for pickers in other modules. */
    public Map<Long, String> unitNames() {
        Map<Long, String> out = new LinkedHashMap<>();
        jdbc.sql("select id, name from org_units order by lower(name), id")
                .query((rs, i) -> out.put(rs.getLong("id"), rs.getString("name"))).list();
        return out;
    }

    /** Active people in the unit or in any unit below it. */
    public List<Long> unitMemberIds(long unitId) {
        return jdbc.sql("""
                        with recursive sub as (
                            select id from org_units where id = :id
                            union all
                            select c.id from org_units c join sub on c.parent_id = sub.id)
                        select u.id from users u where u.active and u.org_unit_id in (select id from sub)
                        order by u.id""")
                .param("id", unitId).query(Long.class).list();
    }
}

package de.kontor.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.kontor.identity.Role;
import de.kontor.shared.Cursor;

/** Profiles, skills, avatars and the people directory (the parts of {@code users} a person edits themselves). */
@Repository
class ProfileRepository {

    private static final String SELECT = """
            select u.id, u.email, u.display_name, u.role, u.active, u.job_title, u.org_unit_id,
                   o.name as org_unit_name, u.location, u.phone, u.company, u.about, u.locale,
                   u.avatar_type is not null as has_avatar, u.avatar_version, u.created_at,
                   array(select s.skill from user_skills s where s.user_id = u.id order by lower(s.skill)) as skills
            from users u left join org_units o on o.id = u.org_unit_id
            """;

    /** A unit and all units below it. */
    private static final String UNIT_AND_BELOW = """
            u.org_unit_id in (with recursive sub as (
                select id from org_units where id = :unit
                union all
                select c.id from org_units c join sub on c.parent_id = sub.id)
              select id from sub)""";

    record Avatar(byte[] bytes, String type, int version) {
    }

    record SkillCount(String skill, int count) {
    }

    /** Directory filters; blank strings and null mean "no filter". */
    record DirectoryQuery(String q, Long unit, String skill) {
    }

    private final JdbcClient jdbc;

    ProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Profile> find(long id) {
        return jdbc.sql(SELECT + "where u.id = :id").param("id", id).query(ProfileRepository::profile).optional();
    }

    void update(long id, ProfileChanges c) {
        jdbc.sql("""
                        update users set display_name = :name, job_title = :job, org_unit_id = :unit,
                               location = :location, phone = :phone, about = :about, locale = :locale,
                               updated_at = now()
                        where id = :id""")
                .param("name", c.displayName()).param("job", c.jobTitle()).param("unit", c.orgUnitId())
                .param("location", c.location()).param("phone", c.phone()).param("about", c.about())
                .param("locale", c.locale()).param("id", id)
                .update();
        replaceSkills(id, c.skills());
    }

    void replaceSkills(long userId, List<String> skills) {
        jdbc.sql("delete from user_skills where user_id = :id").param("id", userId).update();
        if (!skills.isEmpty()) {
            jdbc.sql("insert into user_skills (user_id, skill) select :id, unnest(:skills) on conflict do nothing")
                    .param("id", userId).param("skills", skills.toArray(String[]::new)).update();
        }
        // endorsements belong to a declared skill: a skill that is gone takes them along
        jdbc.sql("""
                        delete from skill_endorsements e where e.user_id = :id
                          and not exists (select 1 from user_skills s where s.user_id = e.user_id
                                          and lower(s.skill) = e.skill)""")
                .param("id", userId).update();
    }

    /** Skills starting with the prefix (or containing it as a word), most used first; one spelling per skill. */
    List<SkillCount> suggestSkills(String prefix, int limit) {
        String p = UserRepository.escapeLike(prefix.strip().toLowerCase(Locale.ROOT));
        return jdbc.sql("""
                        select min(skill) as skill, count(*) as n from user_skills
                        where lower(skill) like :p or lower(skill) like :w
                        group by lower(skill)
                        order by count(*) desc, lower(skill) limit :limit""")
                .param("p", p + "%").param("w", "% " + p + "%").param("limit", limit)
                .query((rs, i) -> new SkillCount(rs.getString("skill"), rs.getInt("n"))).list();
    }

    Optional<Avatar> avatar(long userId) {
        return jdbc.sql("select avatar, avatar_type, avatar_version from users where id = :id and avatar is not null")
                .param("id", userId)
                .query((rs, i) -> new Avatar(rs.getBytes("avatar"), rs.getString("avatar_type"),
                        rs.getInt("avatar_version")))
                .optional();
    }

    void setAvatar(long userId, byte[] bytes, String type) {
        jdbc.sql("""
                        update users set avatar = :bytes, avatar_type = :type, avatar_version = avatar_version + 1,
                               updated_at = now()
                        where id = :id""")
                .param("bytes", bytes).param("type", type).param("id", userId).update();
    }

    void removeAvatar(long userId) {
        jdbc.sql("""
                        update users set avatar = null, avatar_type = null, avatar_version = avatar_version + 1,
                               updated_at = now()
                        where id = :id and avatar is not null""")
                .param("id", userId).update();
    }

    /**
     * One page of active people ordered by name (keyset on lower(name), id). Only fixed SQL fragments are joined;
     * every user value is a named parameter.
     */
    List<Profile> directory(DirectoryQuery query, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append("where u.active");
        Map<String, Object> params = new HashMap<>();
        if (query.q() != null && !query.q().isBlank()) {
            sql.append(" and (lower(u.display_name) like :q or lower(u.email) like :q"
                    + " or lower(coalesce(u.job_title, '')) like :q)");
            params.put("q", "%" + UserRepository.escapeLike(query.q().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.unit() != null) {
            sql.append(" and ").append(UNIT_AND_BELOW.strip());
            params.put("unit", query.unit());
        }
        if (query.skill() != null && !query.skill().isBlank()) {
            sql.append(" and exists (select 1 from user_skills s where s.user_id = u.id and lower(s.skill) = :skill)");
            params.put("skill", query.skill().strip().toLowerCase(Locale.ROOT));
        }
        if (after != null) {
            sql.append(" and (lower(u.display_name), u.id) > (:ckey, :cid)");
            params.put("ckey", after.key());
            params.put("cid", after.id());
        }
        sql.append(" order by lower(u.display_name), u.id limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(ProfileRepository::profile).list();
    }

    static Profile profile(ResultSet rs, int row) throws SQLException {
        Array skills = rs.getArray("skills");
        long unit = rs.getLong("org_unit_id");
        Long unitId = rs.wasNull() ? null : unit;
        return new Profile(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("active"), rs.getString("job_title"), unitId,
                rs.getString("org_unit_name"), rs.getString("location"), rs.getString("phone"),
                rs.getString("company"), rs.getString("about"), rs.getString("locale"), rs.getBoolean("has_avatar"),
                rs.getInt("avatar_version"), rs.getTimestamp("created_at").toInstant(),
                skills == null ? List.of() : List.copyOf(new ArrayList<>(Arrays.asList((String[]) skills.getArray()))));
    }
}

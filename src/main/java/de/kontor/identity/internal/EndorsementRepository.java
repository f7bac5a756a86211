package de.kontor.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Skill endorsements and the expert finder's view of skills (who declared what, endorsed how often). */
@Repository
class EndorsementRepository {

    /** A person's declared skill matching a topic, with its endorsement count. */
    record SkillHolder(long userId, String skill, int endorsements) {
    }

    private final JdbcClient jdbc;

    EndorsementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Declared skills of the person (in their spelling, by name) with endorsements, as seen by the viewer. */
    List<SkillEndorsements> forPerson(long userId, long viewerId) {
        return jdbc.sql("""
                        select s.skill,
                               count(e.endorser_id) as n,
                               bool_or(e.endorser_id = :viewer) as mine,
                               array_agg(u.display_name order by e.created_at)
                                   filter (where u.id is not null) as names
                        from user_skills s
                        left join skill_endorsements e on e.user_id = s.user_id and e.skill = lower(s.skill)
                        left join users u on u.id = e.endorser_id and u.active
                        where s.user_id = :user
                        group by s.skill order by lower(s.skill)""")
                .param("user", userId).param("viewer", viewerId)
                .query((rs, i) -> {
                    java.sql.Array names = rs.getArray("names");
                    return new SkillEndorsements(rs.getString("skill"), rs.getInt("n"), rs.getBoolean("mine"),
                            names == null ? List.of()
                                    : List.of((String[]) names.getArray()).stream().limit(5).toList());
                })
                .list();
    }

    boolean declares(long userId, String skill) {
        return jdbc.sql("select exists (select 1 from user_skills where user_id = :u and lower(skill) = :s)")
                .param("u", userId).param("s", skill.toLowerCase(Locale.ROOT)).query(Boolean.class).single();
    }

    /** Idempotent: a second endorsement of the same skill by the same colleague changes nothing. */
    void endorse(long userId, String skill, long endorserId) {
        jdbc.sql("""
                        insert into skill_endorsements (user_id, skill, endorser_id) values (:u, :s, :e)
                        on conflict do nothing""")
                .param("u", userId).param("s", skill.toLowerCase(Locale.ROOT)).param("e", endorserId).update();
    }

    void withdraw(long userId, String skill, long endorserId) {
        jdbc.sql("delete from skill_endorsements where user_id = :u and skill = :s and endorser_id = :e")
                .param("u", userId).param("s", skill.toLowerCase(Locale.ROOT)).param("e", endorserId).update();
    }

    boolean hidden(long userId) {
        return jdbc.sql("select expert_finder_hidden from users where id = :u").param("u", userId)
                .query(Boolean.class).optional().orElse(false);
    }

    void setHidden(long userId, boolean hidden) {
        jdbc.sql("update users set expert_finder_hidden = :h, updated_at = now() where id = :u")
                .param("h", hidden).param("u", userId).update();
    }

    /**
     * Declared skills containing the topic (case-insensitive, also as a word part: "SPS" finds
     * "SPS-Programmierung"), of active members and admins who did not hide themselves; most endorsed first.
     */
    List<SkillHolder> holders(String topic, int limit) {
        String t = UserRepository.escapeLike(topic.strip().toLowerCase(Locale.ROOT));
        return jdbc.sql("""
                        select s.user_id, s.skill,
                               (select count(*) from skill_endorsements e join users eu on eu.id = e.endorser_id
                                where e.user_id = s.user_id and e.skill = lower(s.skill) and eu.active) as n
                        from user_skills s join users u on u.id = s.user_id
                        where lower(s.skill) like :t and u.active and u.role <> 'GUEST'
                          and not u.expert_finder_hidden
                        order by n desc, s.user_id limit :limit""")
                .param("t", "%" + t + "%").param("limit", limit)
                .query((rs, i) -> new SkillHolder(rs.getLong("user_id"), rs.getString("skill"), rs.getInt("n")))
                .list();
    }

    /** Of these people, the ones the expert finder may show: active members and admins not hidden. */
    Set<Long> candidates(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        select id from users where id = any(:ids) and active and role <> 'GUEST'
                          and not expert_finder_hidden""")
                .param("ids", ids.toArray(Long[]::new)).query(Long.class).list());
    }
}

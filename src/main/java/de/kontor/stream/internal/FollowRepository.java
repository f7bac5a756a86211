package de.kontor.stream.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Follows (people, spaces, tags, single posts) and space mutes. */
@Repository
class FollowRepository {

    enum Type { USER, SPACE, TAG, POST }

    record Follow(Type type, String key) {
    }

    private final JdbcClient jdbc;

    FollowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean follow(long userId, Type type, String key) {
        return jdbc.sql("""
                        insert into follows (user_id, target_type, target_key) values (:u, :t, :k)
                        on conflict do nothing""")
                .param("u", userId).param("t", type.name()).param("k", key).update() == 1;
    }

    boolean unfollow(long userId, Type type, String key) {
        return jdbc.sql("delete from follows where user_id = :u and target_type = :t and target_key = :k")
                .param("u", userId).param("t", type.name()).param("k", key).update() == 1;
    }

    boolean follows(long userId, Type type, String key) {
        return jdbc.sql("""
                        select exists (select 1 from follows
                                       where user_id = :u and target_type = :t and target_key = :k)""")
                .param("u", userId).param("t", type.name()).param("k", key).query(Boolean.class).single();
    }

    List<Follow> all(long userId) {
        return jdbc.sql("select target_type, target_key from follows where user_id = :u order by target_type, target_key")
                .param("u", userId)
                .query((rs, n) -> new Follow(Type.valueOf(rs.getString(1)), rs.getString(2))).list();
    }

    /** Which of the given posts the user follows. */
    Set<Long> followedPosts(long userId, List<Long> postIds) {
        if (postIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select target_key::bigint from follows
                        where user_id = :u and target_type = 'POST' and target_key = any(:keys)""")
                .param("u", userId).param("keys", postIds.stream().map(String::valueOf).toArray(String[]::new))
                .query(Long.class).list());
    }

    Set<String> keys(long userId, Type type) {
        return new HashSet<>(jdbc.sql("select target_key from follows where user_id = :u and target_type = :t")
                .param("u", userId).param("t", type.name()).query(String.class).list());
    }

    Set<Long> ids(long userId, Type type) {
        Set<Long> out = new HashSet<>();
        for (String k : keys(userId, type)) {
            out.add(Long.parseLong(k));
        }
        return out;
    }

    void mute(long userId, long spaceId) {
        jdbc.sql("insert into space_mutes (user_id, space_id) values (:u, :s) on conflict do nothing")
                .param("u", userId).param("s", spaceId).update();
    }

    void unmute(long userId, long spaceId) {
        jdbc.sql("delete from space_mutes where user_id = :u and space_id = :s")
                .param("u", userId).param("s", spaceId).update();
    }

    Set<Long> muted(long userId) {
        return new HashSet<>(jdbc.sql("select space_id from space_mutes where user_id = :u")
                .param("u", userId).query(Long.class).list());
    }
}

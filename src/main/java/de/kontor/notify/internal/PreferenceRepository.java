package de.kontor.notify.internal;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the notification preferences; absent rows mean the defaults (in app on, e-mail off, space level ALL).
 */
@Repository
class PreferenceRepository {

    private final JdbcClient jdbc;

    PreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In-app switch per type, defaults filled in. */
    Map<NotificationType, Boolean> inApp(long userId) {
        Map<NotificationType, Boolean> result = new EnumMap<>(NotificationType.class);
        for (NotificationType t : NotificationType.values()) {
            result.put(t, true);
        }
        jdbc.sql("select type, in_app from notification_type_preferences where user_id = :u").param("u", userId)
                .query((rs, row) -> {
                    NotificationType t = NotificationType.parse(rs.getString("type"));
                    if (t != null) {
                        result.put(t, rs.getBoolean("in_app"));
                    }
                    return t;
                }).list();
        return result;
    }

    boolean inApp(long userId, NotificationType type) {
        return jdbc.sql("select in_app from notification_type_preferences where user_id = :u and type = :t")
                .param("u", userId).param("t", type.name()).query(Boolean.class).optional().orElse(true);
    }

    void setInApp(long userId, NotificationType type, boolean inApp) {
        jdbc.sql("""
                        insert into notification_type_preferences (user_id, type, in_app) values (:u, :t, :i)
                        on conflict (user_id, type) do update set in_app = excluded.in_app""")
                .param("u", userId).param("t", type.name()).param("i", inApp).update();
    }

    /** E-mail switch per type, defaults (off) filled in. */
    Map<NotificationType, Boolean> email(long userId) {
        Map<NotificationType, Boolean> result = new EnumMap<>(NotificationType.class);
        for (NotificationType t : NotificationType.values()) {
            result.put(t, false);
        }
        jdbc.sql("select type, email from notification_type_preferences where user_id = :u").param("u", userId)
                .query((rs, row) -> {
                    NotificationType t = NotificationType.parse(rs.getString("type"));
                    if (t != null) {
                        result.put(t, rs.getBoolean("email"));
                    }
                    return t;
                }).list();
        return result;
    }

    boolean email(long userId, NotificationType type) {
        return jdbc.sql("select email from notification_type_preferences where user_id = :u and type = :t")
                .param("u", userId).param("t", type.name()).query(Boolean.class).optional().orElse(false);
    }

    /** A new row keeps the in-app default (on). */
    void setEmail(long userId, NotificationType type, boolean email) {
        jdbc.sql("""
                        insert into notification_type_preferences (user_id, type, in_app, email) values (:u, :t, true, :e)
                        on conflict (user_id, type) do update set email = excluded.email""")
                .param("u", userId).param("t", type.name()).param("e", email).update();
    }

    /** Spaces with a level other than ALL. */
    Map<Long, SpaceLevel> spaceLevels(long userId) {
        Map<Long, SpaceLevel> result = new HashMap<>();
        jdbc.sql("select space_id, level from notification_space_preferences where user_id = :u").param("u", userId)
                .query((rs, row) -> result.put(rs.getLong("space_id"), SpaceLevel.valueOf(rs.getString("level"))))
                .list();
        return result;
    }

    SpaceLevel spaceLevel(long userId, long spaceId) {
        return jdbc.sql("select level from notification_space_preferences where user_id = :u and space_id = :s")
                .param("u", userId).param("s", spaceId).query(String.class).optional()
                .map(SpaceLevel::valueOf).orElse(SpaceLevel.ALL);
    }

    void setSpaceLevel(long userId, long spaceId, SpaceLevel level) {
        if (level == SpaceLevel.ALL) {
            jdbc.sql("delete from notification_space_preferences where user_id = :u and space_id = :s")
                    .param("u", userId).param("s", spaceId).update();
            return;
        }
        jdbc.sql("""
                        insert into notification_space_preferences (user_id, space_id, level) values (:u, :s, :l)
                        on conflict (user_id, space_id) do update set level = excluded.level""")
                .param("u", userId).param("s", spaceId).param("l", level.name()).update();
    }
}

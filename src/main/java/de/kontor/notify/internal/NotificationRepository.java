package de.kontor.notify.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.kontor.shared.Cursor;

/** SQL for {@code notifications} and {@code notification_actors}. */
@Repository
class NotificationRepository {

    /**
     * Which rows a person may still see: profile-post notifications only for company members, space ones only for
     * spaces they can read now, invitations always (the invitee cannot read the space yet).
     */
    private static final String VISIBLE = """
            (n.space_id is null and :profile
             or n.space_id in (:spaces)
             or n.type = 'SPACE_INVITATION')""";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long userId, NotificationType type, Long spaceId, Long postId, Long commentId, Long actorId,
                Long targetId) {
        return jdbc.sql("""
                        insert into notifications (user_id, type, space_id, post_id, comment_id, actor_id, target_id)
                        values (:u, :t, :s, :p, :c, :a, :target) returning id""")
                .param("u", userId).param("t", type.name()).param("s", spaceId).param("p", postId)
                .param("c", commentId).param("a", actorId).param("target", targetId).query(Long.class).single();
    }

    /**
     * Creates or updates the one row per user and group key: the newest actor is shown, the row moves to the top
     * and becomes unread again; the actor count is the number of distinct people.
     */
    long upsertGrouped(long userId, NotificationType type, String groupKey, Long spaceId, Long postId, long actorId) {
        long id = jdbc.sql("""
                        insert into notifications (user_id, type, space_id, post_id, actor_id, group_key)
                        values (:u, :t, :s, :p, :a, :g)
                        on conflict (user_id, group_key) where group_key is not null
                        do update set actor_id = excluded.actor_id, updated_at = now(), read_at = null
                        returning id""")
                .param("u", userId).param("t", type.name()).param("s", spaceId).param("p", postId)
                .param("a", actorId).param("g", groupKey).query(Long.class).single();
        jdbc.sql("insert into notification_actors (notification_id, actor_id) values (:n, :a) on conflict do nothing")
                .param("n", id).param("a", actorId).update();
        jdbc.sql("""
                        update notifications
                        set actor_count = (select count(*) from notification_actors where notification_id = :n)
                        where id = :n""")
                .param("n", id).update();
        return id;
    }

    /** Newest first (by last update), keyset-paginated on (updated_at, id). */
    List<Notification> list(long userId, Collection<Long> readableSpaces, boolean profile, Cursor after, int limit) {
        String page = after == null ? "" : " and (n.updated_at, n.id) < (:t, :cid)";
        var spec = jdbc.sql("select n.* from notifications n where n.user_id = :u and " + VISIBLE + page
                        + " order by n.updated_at desc, n.id desc limit :limit")
                .param("u", userId).param("spaces", nonEmpty(readableSpaces)).param("profile", profile)
                .param("limit", limit);
        if (after != null) {
            spec = spec.param("t", Timestamp.from(Instant.parse(after.key()))).param("cid", after.id());
        }
        return spec.query(NotificationRepository::notification).list();
    }

    int unreadCount(long userId, Collection<Long> readableSpaces, boolean profile) {
        return jdbc.sql("select count(*) from notifications n where n.user_id = :u and n.read_at is null and "
                        + VISIBLE)
                .param("u", userId).param("spaces", nonEmpty(readableSpaces)).param("profile", profile)
                .query(Integer.class).single();
    }

    Optional<Notification> find(long id, long userId) {
        return jdbc.sql("select * from notifications where id = :id and user_id = :u")
                .param("id", id).param("u", userId).query(NotificationRepository::notification).optional();
    }

    void markRead(long id, long userId) {
        jdbc.sql("update notifications set read_at = now() where id = :id and user_id = :u and read_at is null")
                .param("id", id).param("u", userId).update();
    }

    int markAllRead(long userId) {
        return jdbc.sql("update notifications set read_at = now() where user_id = :u and read_at is null")
                .param("u", userId).update();
    }

    /** {@code in ()} is not SQL; id 0 never exists. */
    private static Collection<Long> nonEmpty(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            return ids;
        }
        List<Long> none = new ArrayList<>();
        none.add(0L);
        return none;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static Notification notification(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getLong("id"), rs.getLong("user_id"), NotificationType.valueOf(rs.getString("type")),
                nullableLong(rs, "space_id"), nullableLong(rs, "post_id"), nullableLong(rs, "comment_id"),
                nullableLong(rs, "actor_id"), rs.getInt("actor_count"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "read_at"), nullableLong(rs, "target_id"));
    }
}

package de.kontor.notify.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code live_events} and the {@code NOTIFY} that announces a new row to every node. */
@Repository
class LiveEventRepository {

    static final String CHANNEL = "kontor_events";

    private final JdbcClient jdbc;

    LiveEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the event and queues the NOTIFY; PostgreSQL delivers it to listeners only when the transaction commits. */
    long insert(Long userId, Long spaceId, boolean profile, String type, String payload) {
        long id = jdbc.sql("""
                        insert into live_events (user_id, space_id, profile, type, payload)
                        values (:u, :s, :p, :t, cast(:j as json)) returning id""")
                .param("u", userId).param("s", spaceId).param("p", profile).param("t", type).param("j", payload)
                .query(Long.class).single();
        jdbc.sql("select pg_notify('" + CHANNEL + "', cast(:id as text))").param("id", id)
                .query((rs, row) -> 1).list();
        return id;
    }

    Optional<LiveEvent> find(long id) {
        return jdbc.sql("select * from live_events where id = :id").param("id", id)
                .query(LiveEventRepository::event).optional();
    }

    /** Events after {@code lastId} that may concern the user (their own and every space/profile event). */
    List<LiveEvent> after(long lastId, long userId, Duration maxAge, int limit) {
        return jdbc.sql("""
                        select * from live_events
                        where id > :last and created_at > now() - make_interval(secs => :age)
                          and (user_id = :u or user_id is null)
                        order by id limit :limit""")
                .param("last", lastId).param("u", userId).param("age", maxAge.toSeconds()).param("limit", limit)
                .query(LiveEventRepository::event).list();
    }

    /** Every event after {@code lastId} (a node catching up after its LISTEN connection was lost). */
    List<LiveEvent> after(long lastId, int limit) {
        return jdbc.sql("select * from live_events where id > :last order by id limit :limit")
                .param("last", lastId).param("limit", limit).query(LiveEventRepository::event).list();
    }

    int prune(Duration maxAge) {
        return jdbc.sql("delete from live_events where created_at < now() - make_interval(secs => :age)")
                .param("age", maxAge.toSeconds()).update();
    }

    private static LiveEvent event(ResultSet rs, int row) throws SQLException {
        long user = rs.getLong("user_id");
        Long userId = rs.wasNull() ? null : user;
        long space = rs.getLong("space_id");
        Long spaceId = rs.wasNull() ? null : space;
        return new LiveEvent(rs.getLong("id"), userId, spaceId, rs.getBoolean("profile"), rs.getString("type"),
                rs.getString("payload"));
    }
}

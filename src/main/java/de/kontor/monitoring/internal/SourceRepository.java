package de.kontor.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code monitoring_sources}. */
@Repository
class SourceRepository {

    private final JdbcClient jdbc;

    SourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String key, Source.Kind kind, String name, String url, String target, String secret,
                int intervalSecs, long createdBy) {
        return jdbc.sql("""
                        insert into monitoring_sources (source_key, kind, name, url, target, secret, interval_secs,
                                                        created_by)
                        values (:key, :kind, :name, :url, :target, :secret, :interval, :by) returning id""")
                .param("key", key).param("kind", kind.name()).param("name", name).param("url", url)
                .param("target", target).param("secret", secret).param("interval", intervalSecs)
                .param("by", createdBy).query(Long.class).single();
    }

    Optional<Source> find(long id) {
        return jdbc.sql("select * from monitoring_sources where id = :id").param("id", id)
                .query(SourceRepository::source).optional();
    }

    Optional<Source> findByKey(String key) {
        return jdbc.sql("select * from monitoring_sources where source_key = :key").param("key", key)
                .query(SourceRepository::source).optional();
    }

    List<Source> list() {
        return jdbc.sql("select * from monitoring_sources order by lower(name), id").query(SourceRepository::source)
                .list();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("""
                        update monitoring_sources set enabled = :enabled, failures = 0, next_fetch_at = now()
                        where id = :id""")
                .param("id", id).param("enabled", enabled).update();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from monitoring_sources where id = :id").param("id", id).update() > 0;
    }

    /**
     * The next enabled polled source that is due, locked for the caller's transaction; a source another node is
     * fetching right now is skipped, so no source is ever fetched twice at the same time.
     */
    Optional<Source> lockNextDue(Instant now) {
        return jdbc.sql("""
                        select * from monitoring_sources
                        where enabled and kind <> 'WEBHOOK' and next_fetch_at <= :now
                        order by next_fetch_at, id limit 1
                        for update skip locked""")
                .param("now", Timestamp.from(now)).query(SourceRepository::source).optional();
    }

    void recordSuccess(long id, String etag, String lastModified, String sinceId, Instant next) {
        jdbc.sql("""
                        update monitoring_sources
                        set etag = :etag, last_modified = :lm, since_id = :since, next_fetch_at = :next,
                            failures = 0, last_fetched_at = now()
                        where id = :id""")
                .param("id", id).param("etag", etag).param("lm", lastModified).param("since", sinceId)
                .param("next", Timestamp.from(next)).update();
    }

    /** A failed fetch: the error is kept for the team to see and the next try is pushed back. */
    void recordFailure(long id, int failures, String message, Instant next) {
        jdbc.sql("""
                        update monitoring_sources
                        set failures = :failures, last_error = :message, last_error_at = now(), next_fetch_at = :next
                        where id = :id""")
                .param("id", id).param("failures", failures).param("message", message)
                .param("next", Timestamp.from(next)).update();
    }

    /** The server asked us to wait (429): not an error of the source, only a later next try. */
    void postpone(long id, Instant next) {
        jdbc.sql("update monitoring_sources set next_fetch_at = :next where id = :id")
                .param("id", id).param("next", Timestamp.from(next)).update();
    }

    private static Source source(ResultSet rs, int row) throws SQLException {
        return new Source(rs.getLong("id"), rs.getString("source_key"), Source.Kind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getString("url"), rs.getString("target"), rs.getString("secret"),
                rs.getInt("interval_secs"), rs.getBoolean("enabled"), rs.getString("etag"),
                rs.getString("last_modified"), rs.getString("since_id"), instant(rs, "next_fetch_at"),
                rs.getInt("failures"), rs.getString("last_error"), instant(rs, "last_error_at"),
                instant(rs, "last_fetched_at"), instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

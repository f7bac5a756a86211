package de.kontor.identity.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.kontor.identity.KontorUser;
import de.kontor.shared.Cursor;
import de.kontor.shared.Page;

/** Reads the audit log for administrators, newest first, with the actor's name from the users table. */
@Repository
public class AuditTrail {

    public record Entry(long id, Instant at, Long actorId, String actorName, String action, String target, String ip,
                        String detail) {
    }

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Entry> page(KontorUser viewer, String cursor, int limit) {
        UserAdministration.requireAdmin(viewer);
        Cursor before = Cursor.decode(cursor);
        List<Entry> rows = jdbc.sql("""
                        select a.id, a.at, a.actor_id, u.display_name, a.action, a.target, a.ip, a.detail
                        from audit_log a left join users u on u.id = a.actor_id
                        where a.id < :before
                        order by a.id desc
                        limit :limit""")
                .param("before", before == null ? Long.MAX_VALUE : before.id())
                .param("limit", limit + 1)
                .query((rs, i) -> new Entry(rs.getLong("id"), ApiTokens.instant(rs, "at"),
                        rs.getObject("actor_id") == null ? null : rs.getLong("actor_id"),
                        rs.getString("display_name"), rs.getString("action"), rs.getString("target"),
                        rs.getString("ip"), rs.getString("detail")))
                .list();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        return new Page<>(rows.subList(0, limit), new Cursor("a", rows.get(limit - 1).id()).encode());
    }
}

package de.kontor.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Append-only audit log for security-relevant and administrative actions. */
@Component
public class AuditLog {

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Long actorId, String action, String target, String ip, String detail) {
        jdbc.sql("insert into audit_log (actor_id, action, target, ip, detail) values (:a, :action, :t, :ip, :d)")
                .param("a", actorId).param("action", action).param("t", target).param("ip", ip).param("d", detail)
                .update();
    }
}

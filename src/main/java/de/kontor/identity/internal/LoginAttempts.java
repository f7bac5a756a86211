package de.kontor.identity.internal;

import java.time.Duration;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.kontor.shared.KontorProperties;

/**
 * Login attempts, written for every try. The table is both the audit trail and the rate limit's memory, so the
 * limit holds across all nodes of a cluster and across restarts.
 */
@Repository
public class LoginAttempts {

    private final JdbcClient jdbc;
    private final KontorProperties.Login limits;

    public LoginAttempts(JdbcClient jdbc, KontorProperties properties) {
        this.jdbc = jdbc;
        this.limits = properties.login();
    }

    public void record(String email, String ip, boolean success, String reason) {
        jdbc.sql("insert into login_attempts (email, ip, success, reason) values (:e, :ip, :s, :r)")
                .param("e", normalize(email)).param("ip", ip).param("s", success).param("r", reason)
                .update();
    }

    /** True when the account or the address has too many recent failures (since the account's last success). */
    public boolean limited(String email, String ip) {
        Duration window = limits.window();
        String since = window.toSeconds() + " seconds";
        int accountFailures = jdbc.sql("""
                        select count(*) from login_attempts a
                        where lower(a.email) = :e and not a.success and a.at > now() - cast(:w as interval)
                          and a.at > coalesce((select max(b.at) from login_attempts b
                                               where lower(b.email) = :e and b.success), '-infinity')""")
                .param("e", normalize(email)).param("w", since).query(Integer.class).single();
        if (accountFailures >= limits.maxFailuresPerAccount()) {
            return true;
        }
        int ipFailures = jdbc.sql("""
                        select count(*) from login_attempts
                        where ip = :ip and not success and at > now() - cast(:w as interval)""")
                .param("ip", ip).param("w", since).query(Integer.class).single();
        return ipFailures >= limits.maxFailuresPerIp();
    }

    public long retryAfterSeconds() {
        return limits.window().toSeconds();
    }

    private static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}

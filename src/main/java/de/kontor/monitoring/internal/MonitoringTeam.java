package de.kontor.monitoring.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.shared.AuditLog;
import de.kontor.shared.DomainException;
import de.kontor.spaces.SpaceDirectory;

/**
 * Who works with monitoring: the company's administrators and the active company members (not guests) of the one
 * space an administrator chose as the monitoring team under {@code /admin/monitoring}. Everyone else learns nothing:
 * every monitoring page and API answers 404 to them.
 */
@Service
class MonitoringTeam {

    private final JdbcClient jdbc;
    private final SpaceDirectory spaces;
    private final IdentityApi identity;
    private final AuditLog audit;

    MonitoringTeam(JdbcClient jdbc, SpaceDirectory spaces, IdentityApi identity, AuditLog audit) {
        this.jdbc = jdbc;
        this.spaces = spaces;
        this.identity = identity;
        this.audit = audit;
    }

    Optional<Long> spaceId() {
        return jdbc.sql("select team_space_id from monitoring_settings").query(Long.class).optional();
    }

    boolean isMember(KontorUser user) {
        if (user == null || !user.active() || user.guest()) {
            return false;
        }
        if (user.admin()) {
            return true;
        }
        return spaceId().map(s -> spaces.memberIds(s).contains(user.id())).orElse(false);
    }

    /** Whether the person (by id) is in the team now: for assignees and notification recipients. */
    boolean isMember(long userId) {
        return identity.principal(userId).map(this::isMember).orElse(false);
    }

    /** 404 for everyone outside the team: monitoring does not exist for them. */
    void require(KontorUser viewer) {
        if (!isMember(viewer)) {
            throw new DomainException.NotFound();
        }
    }

    @Transactional
    void choose(KontorUser admin, Long spaceId) {
        if (!admin.admin()) {
            throw new DomainException.Forbidden();
        }
        if (spaceId != null && spaces.find(java.util.List.of(spaceId)).isEmpty()) {
            throw new DomainException.Invalid("spaceId", "monitoring.team.unknownSpace");
        }
        jdbc.sql("update monitoring_settings set team_space_id = :s, updated_at = now()").param("s", spaceId)
                .update();
        audit.record(admin.id(), "monitoring.team.changed", spaceId == null ? "none" : "space:" + spaceId, null,
                null);
    }
}

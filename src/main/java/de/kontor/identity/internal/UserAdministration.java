package de.kontor.identity.internal;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;

import de.kontor.identity.UserRoleChanged;
import de.kontor.identity.UserStatusChanged;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import de.kontor.identity.KontorUser;
import de.kontor.identity.Role;
import de.kontor.shared.AuditLog;
import de.kontor.shared.Cursor;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;

/**
 * What administrators do with accounts: list, deactivate, reactivate, change the role. Every change ends the
 * person's sessions at once and is written to the audit log; at least one active administrator always remains.
 */
@Service
public class UserAdministration {

    static final int PAGE_SIZE = 50;

    private final UserAdminRepository users;
    private final SessionKiller sessions;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    public UserAdministration(UserAdminRepository users, SessionKiller sessions, AuditLog audit,
                              TransactionTemplate tx, ApplicationEventPublisher events) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.tx = tx;
        this.events = events;
    }

    static void requireAdmin(KontorUser actor) {
        if (actor == null || !actor.admin()) {
            throw new DomainException.Forbidden();
        }
    }

    public Page<UserAdminRepository.UserRow> list(KontorUser actor, UserAdminRepository.Filter filter, String cursor) {
        requireAdmin(actor);
        Cursor after = Cursor.decode(cursor);
        List<UserAdminRepository.UserRow> rows = users.list(filter, after == null ? null : after.key(),
                after == null ? null : after.id(), PAGE_SIZE + 1);
        if (rows.size() <= PAGE_SIZE) {
            return new Page<>(rows, null);
        }
        UserAdminRepository.UserRow last = rows.get(PAGE_SIZE - 1);
        return new Page<>(rows.subList(0, PAGE_SIZE),
                new Cursor(last.displayName().toLowerCase(Locale.ROOT), last.id()).encode());
    }

    public UserAdminRepository.UserRow find(KontorUser actor, long userId) {
        requireAdmin(actor);
        return users.findRow(userId).orElseThrow(DomainException.NotFound::new);
    }

    public void deactivate(KontorUser actor, long userId, String ip) {
        requireAdmin(actor);
        UserAdminRepository.Account account = tx.execute(s -> {
            users.lockAdmins();
            UserAdminRepository.Account a = users.findAccount(userId).orElseThrow(DomainException.NotFound::new);
            if (a.role() == Role.ADMIN && a.active() && users.countActiveAdminsExcept(userId) == 0) {
                throw new DomainException.Conflict("user", "admin.users.lastAdmin");
            }
            if (a.id() == actor.id()) {
                throw new DomainException.Conflict("user", "admin.users.notYourself");
            }
            users.setActive(userId, false);
            events.publishEvent(new UserStatusChanged(userId, false, Instant.now()));
            return a;
        });
        int killed = sessions.killAll(account.principalName());
        audit.record(actor.id(), "user.deactivated", "user:" + userId, ip, "sessions ended: " + killed);
    }

    public void reactivate(KontorUser actor, long userId, String ip) {
        requireAdmin(actor);
        users.findAccount(userId).orElseThrow(DomainException.NotFound::new);
        tx.executeWithoutResult(s -> {
            users.setActive(userId, true);
            events.publishEvent(new UserStatusChanged(userId, true, Instant.now()));
        });
        audit.record(actor.id(), "user.reactivated", "user:" + userId, ip, null);
    }

    public void changeRole(KontorUser actor, long userId, Role role, String ip) {
        requireAdmin(actor);
        if (role == null) {
            throw new DomainException.Invalid("role", "admin.users.roleRequired");
        }
        UserAdminRepository.Account account = tx.execute(s -> {
            users.lockAdmins();
            UserAdminRepository.Account a = users.findAccount(userId).orElseThrow(DomainException.NotFound::new);
            if (a.role() == Role.ADMIN && role != Role.ADMIN && a.active()
                    && users.countActiveAdminsExcept(userId) == 0) {
                throw new DomainException.Conflict("role", "admin.users.lastAdmin");
            }
            if (a.role() != role) {
                users.setRole(userId, role);
                events.publishEvent(new UserRoleChanged(userId, a.role(), role, Instant.now()));
            }
            return a;
        });
        if (account.role() == role) {
            return;
        }
        // the role is part of the principal stored in the session, so the person signs in again to get the new one
        int killed = sessions.killAll(account.principalName());
        audit.record(actor.id(), "user.role_changed", "user:" + userId, ip,
                account.role() + " -> " + role + "; sessions ended: " + killed);
    }
}

package de.kontor.identity.internal;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import de.kontor.identity.KontorUser;
import de.kontor.shared.AuditLog;
import de.kontor.shared.DomainException;
import de.kontor.shared.Validation;

/** A person changes their own password; every other session of theirs ends (a stolen session dies with it). */
@Service
public class PasswordChange {

    private final UserAdminRepository accounts;
    private final PasswordEncoder encoder;
    private final SessionKiller sessions;
    private final AuditLog audit;

    public PasswordChange(UserAdminRepository accounts, PasswordEncoder encoder, SessionKiller sessions,
                          AuditLog audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Changes the password and ends all sessions except {@code currentSessionId}; returns how many ended. */
    public int change(KontorUser me, String current, String password, String repeat, String currentSessionId,
                      String ip) {
        UserAdminRepository.Account account = accounts.findAccount(me.id())
                .filter(UserAdminRepository.Account::active).orElseThrow(DomainException.Forbidden::new);
        Validation v = new Validation().required("currentPassword", current);
        PasswordRules.validate(v, "password", password, repeat).throwIfInvalid();
        if (!account.hasPassword() || !encoder.matches(current, account.passwordHash())) {
            throw new DomainException.Invalid("currentPassword", "account.password.currentWrong");
        }
        accounts.setPassword(me.id(), encoder.encode(password));
        int ended = sessions.killAllExcept(account.principalName(), currentSessionId);
        audit.record(me.id(), "user.password_changed", "user:" + me.id(), ip, "other sessions ended: " + ended);
        return ended;
    }
}

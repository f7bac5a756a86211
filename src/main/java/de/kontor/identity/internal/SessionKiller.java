package de.kontor.identity.internal;

import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a person's browser sessions in the shared JDBC session store, so that deactivation, a role change or a new
 * password takes effect on every node at once instead of when the session times out.
 */
@Component
public class SessionKiller {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    public SessionKiller(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Deletes every session of the principal (the lower-cased e-mail); returns how many there were. */
    public int killAll(String principalName) {
        return killAllExcept(principalName, null);
    }

    /** Deletes every session of the principal except the one with the given id (may be null). */
    public int killAllExcept(String principalName, String keepSessionId) {
        Set<String> ids = sessions.findByPrincipalName(principalName).keySet();
        int killed = 0;
        for (String id : ids) {
            if (!id.equals(keepSessionId)) {
                sessions.deleteById(id);
                killed++;
            }
        }
        return killed;
    }
}

package de.kontor.decisions.internal;

import org.springframework.stereotype.Component;

import de.kontor.identity.KontorUser;
import de.kontor.shared.web.TopbarBadge;
import de.kontor.shared.web.Viewer;

/** How many open decisions wait for the viewer's answer (shown beside "Decisions" in the navigation). */
@Component
class DecisionBadge implements TopbarBadge {

    private final DecisionService decisions;

    DecisionBadge(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return "decisions";
    }

    @Override
    public int count(Viewer viewer) {
        return viewer instanceof KontorUser user ? decisions.countWaitingFor(user) : 0;
    }
}

package de.kontor.monitoring.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.kontor.identity.KontorUser;
import de.kontor.shared.web.TopbarBadge;
import de.kontor.shared.web.Viewer;

/**
 * The navigation's monitoring entry: {@code monitoring-team} is 1 for members of the monitoring team (the link is
 * shown only to them), {@code monitoring} the number of new mentions in the inbox.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringBadges {

    @Bean
    TopbarBadge monitoringTeamBadge(MonitoringTeam team) {
        return badge("monitoring-team", v -> v instanceof KontorUser u && team.isMember(u) ? 1 : 0);
    }

    @Bean
    TopbarBadge monitoringNewBadge(InboxService inbox) {
        return badge("monitoring", v -> v instanceof KontorUser u ? inbox.countNew(u) : 0);
    }

    private static TopbarBadge badge(String name, java.util.function.ToIntFunction<Viewer> count) {
        return new TopbarBadge() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int count(Viewer viewer) {
                return count.applyAsInt(viewer);
            }
        };
    }
}

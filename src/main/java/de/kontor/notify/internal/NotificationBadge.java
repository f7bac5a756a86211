package de.kontor.notify.internal;

import org.springframework.stereotype.Component;

import de.kontor.identity.KontorUser;
import de.kontor.shared.web.TopbarBadge;
import de.kontor.shared.web.Viewer;

/** The bell's unread count in the top bar. */
@Component
class NotificationBadge implements TopbarBadge {

    private final Notifications notifications;

    NotificationBadge(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public int count(Viewer viewer) {
        return viewer instanceof KontorUser user ? notifications.unreadCount(user) : 0;
    }
}

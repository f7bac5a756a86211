package de.kontor.notify.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import de.kontor.monitoring.MentionOverdue;
import de.kontor.monitoring.TopicSpiked;
import de.kontor.notify.internal.Notifications.Subject;

/** Monitoring alerts as notifications; the monitoring module chose the recipients (its team's followers). */
@Component
class MonitoringNotificationListeners {

    private final Notifications notifications;

    MonitoringNotificationListeners(Notifications notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(TopicSpiked e) {
        for (long person : e.recipientIds()) {
            notifications.notifyFromSystem(person,
                    new Subject(NotificationType.MONITORING_SPIKE, null, null, null, null, e.topicId()));
        }
    }

    @ApplicationModuleListener
    void on(MentionOverdue e) {
        for (long person : e.recipientIds()) {
            notifications.notifyFromSystem(person,
                    new Subject(NotificationType.MONITORING_OVERDUE, null, null, null, null, e.mentionId()));
        }
    }
}

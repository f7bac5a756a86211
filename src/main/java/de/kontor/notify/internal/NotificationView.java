package de.kontor.notify.internal;

import de.kontor.identity.UserSummary;

/** A notification with what the list shows beside it: the (latest) actor and the space's name. */
public record NotificationView(Notification notification, UserSummary actor, String spaceName) {

    /** How many other people are behind a grouped notification. */
    public int others() {
        return Math.max(0, notification.actorCount() - 1);
    }

    /** The message key of the sentence that describes it. */
    public String textKey() {
        String key = "notify.text." + notification.type().name();
        return others() > 0 ? key + ".others" : key;
    }
}

package de.kontor.notify;

/** The person's e-mail switch per notification type, for the mail module's one-click unsubscribe links. */
public interface EmailPreferences {

    /** Turns e-mail off for the type; false for an unknown type name. */
    boolean stopEmail(long userId, String type);
}

/**
 * Notifications and live updates: in-app notifications with per-type and per-space preferences, and Server-Sent
 * Events that reach subscribers on every node through PostgreSQL {@code LISTEN/NOTIFY}. Reacts to the events of
 * spaces, stream and messaging. Public: {@link de.kontor.notify.NotificationCreated} for notifications a person
 * wants by e-mail, and {@link de.kontor.notify.EmailPreferences} to switch that e-mail off (unsubscribe links).
 */
package de.kontor.notify;

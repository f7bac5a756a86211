/**
 * Notifications and live updates: in-app notifications with per-type and per-space preferences, and Server-Sent
 * Events that reach subscribers on every node through PostgreSQL {@code LISTEN/NOTIFY}. Reacts to the events of
 * spaces, stream and messaging; its only public type is {@link de.kontor.notify.PostFollowers}, which the stream
 * module implements.
 */
package de.kontor.notify;

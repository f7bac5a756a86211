package de.kontor.messaging.internal;

import java.time.Instant;

/**
 * A line of "my conversations": the conversation, my participation, when it last changed as far as I can see
 * (a former participant sees nothing after leaving), my unread count and the last message I may read (or null).
 */
public record ConversationRow(Conversation conversation, Participant me, Instant activityAt, long unread,
                              Message last) {
}

package de.kontor.messaging;

import java.time.Instant;
import java.util.List;

/** A message was sent in a conversation; {@code recipientIds} are the other current participants. */
public record MessageSent(long messageId, long conversationId, long senderId, List<Long> recipientIds, Instant at) {
}

package de.kontor.messaging.internal;

import java.time.Instant;

/** One message: the Markdown source and its sanitized HTML, rendered once when it was sent. */
public record Message(long id, long conversationId, Long senderId, String body, String html, Instant createdAt,
                      Instant editedAt) {
}

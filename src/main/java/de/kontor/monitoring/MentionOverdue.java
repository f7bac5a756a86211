package de.kontor.monitoring;

import java.time.Instant;
import java.util.List;

/** A mention got no first reaction within its topic's response time; {@code recipientIds} should look at it. */
public record MentionOverdue(long mentionId, List<Long> recipientIds, Instant dueAt) {
}

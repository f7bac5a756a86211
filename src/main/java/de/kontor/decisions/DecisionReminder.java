package de.kontor.decisions;

import java.time.Instant;
import java.util.List;

/** The deadline of an open decision is near; {@code recipientIds} are the people asked who have not answered. */
public record DecisionReminder(long decisionId, long spaceId, long proposerId, List<Long> recipientIds,
                               Instant deadline) {
}

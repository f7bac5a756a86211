package de.kontor.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * A topic's volume ({@code kind} VOLUME) or share of negative mentions (NEGATIVE) in the last hour — or day
 * (VOLUME_DAY, NEGATIVE_DAY) — rose well above its own baseline; {@code recipientIds} are the topic's followers who belong to the monitoring team.
 */
public record TopicSpiked(long topicId, String kind, List<Long> recipientIds, Instant at) {
}

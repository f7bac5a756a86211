package de.kontor.decisions;

import java.time.Instant;
import java.util.List;

/** A decision was proposed in a space; {@code askedIds} are the people asked to answer. */
public record DecisionRequested(long decisionId, long spaceId, long proposerId, List<Long> askedIds, Instant at) {
}

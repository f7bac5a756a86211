package de.kontor.decisions;

import java.time.Instant;
import java.util.List;

/** A decision was decided (at its deadline or closed early by its proposer) with the given outcome. */
public record DecisionClosed(long decisionId, long spaceId, long proposerId, List<Long> askedIds, String outcome,
                             Instant at) {
}

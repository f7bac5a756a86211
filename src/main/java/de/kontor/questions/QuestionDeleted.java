package de.kontor.questions;

import java.time.Instant;
import java.util.List;

/** A question was deleted with all its answers ({@code answerIds}). */
public record QuestionDeleted(long questionId, Long spaceId, List<Long> answerIds, long deletedBy, Instant at) {
}

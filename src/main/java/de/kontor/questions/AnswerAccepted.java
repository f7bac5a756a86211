package de.kontor.questions;

import java.time.Instant;

/**
 * An answer was accepted as the question's answer; {@code previousAnswerId} is the answer that lost the mark (null
 * when there was none).
 */
public record AnswerAccepted(long answerId, long questionId, Long spaceId, long answerAuthorId, long acceptedBy,
                             Long previousAnswerId, Instant at) {
}

package de.kontor.questions;

import java.time.Instant;

/** A question's title, text or tags changed (its accepted answer's document carries them too). */
public record QuestionEdited(long questionId, Long spaceId, Long acceptedAnswerId, long editorId, Instant at) {
}

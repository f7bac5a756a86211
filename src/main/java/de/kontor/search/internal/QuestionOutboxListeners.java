package de.kontor.search.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import de.kontor.questions.AnswerAccepted;
import de.kontor.questions.AnswerAdded;
import de.kontor.questions.QuestionAsked;
import de.kontor.questions.QuestionDeleted;
import de.kontor.questions.QuestionEdited;
import de.kontor.search.internal.Outbox.Op;

/**
 * Outbox rows for questions and accepted answers, written inside the questions module's transaction like
 * {@link OutboxListeners} does for posts. An answer is part of its question's document; only the accepted answer is
 * a document of its own.
 */
@Component
class QuestionOutboxListeners {

    private final Outbox outbox;

    QuestionOutboxListeners(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(QuestionAsked e) {
        outbox.append(QuestionSource.TYPE, e.questionId(), Op.UPSERT);
    }

    /** The accepted answer carries the question's title and tags. */
    @EventListener
    void on(QuestionEdited e) {
        outbox.append(QuestionSource.TYPE, e.questionId(), Op.UPSERT);
        if (e.acceptedAnswerId() != null) {
            outbox.append(AnswerSource.TYPE, e.acceptedAnswerId(), Op.UPSERT);
        }
    }

    @EventListener
    void on(QuestionDeleted e) {
        outbox.append(QuestionSource.TYPE, e.questionId(), Op.DELETE);
        for (long answer : e.answerIds()) {
            outbox.append(AnswerSource.TYPE, answer, Op.DELETE);
        }
    }

    @EventListener
    void on(AnswerAdded e) {
        outbox.append(QuestionSource.TYPE, e.questionId(), Op.UPSERT);
    }

    @EventListener
    void on(AnswerAccepted e) {
        outbox.append(AnswerSource.TYPE, e.answerId(), Op.UPSERT);
        if (e.previousAnswerId() != null) {
            outbox.append(AnswerSource.TYPE, e.previousAnswerId(), Op.DELETE);
        }
    }
}

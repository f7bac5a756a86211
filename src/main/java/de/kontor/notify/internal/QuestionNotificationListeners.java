package de.kontor.notify.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import de.kontor.notify.internal.Notifications.Subject;
import de.kontor.questions.AnswerAccepted;
import de.kontor.questions.AnswerAdded;

/** Notifications about questions: the asker hears of new answers, the answerer of the accepted answer. */
@Component
class QuestionNotificationListeners {

    private final Notifications notifications;

    QuestionNotificationListeners(Notifications notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(AnswerAdded e) {
        notifications.notify(e.questionAuthorId(), e.authorId(), new Subject(NotificationType.QUESTION_ANSWERED,
                e.spaceId(), null, e.answerId(), null, e.questionId()));
    }

    @ApplicationModuleListener
    void on(AnswerAccepted e) {
        notifications.notify(e.answerAuthorId(), e.acceptedBy(), new Subject(NotificationType.ANSWER_ACCEPTED,
                e.spaceId(), null, e.answerId(), null, e.questionId()));
    }
}

package de.kontor.notify.internal;

/** What a notification is about. */
public enum NotificationType {
    MENTIONED, COMMENT_ON_MY_POST, COMMENT_ON_FOLLOWED_POST, REACTION_ON_MY_POST, SPACE_INVITATION, JOIN_REQUEST,
    JOIN_APPROVED,
    /** A watched wiki page got a new revision; {@code postId} holds the page id. */
    WIKI_PAGE_CHANGED,
    /** About a decision; {@code targetId} holds the decision id. */
    DECISION_REQUESTED, DECISION_REMINDER, DECISION_CLOSED,
    /** Monitoring: a followed topic spiked ({@code targetId} the topic) or a mention is overdue (the mention). */
    MONITORING_SPIKE, MONITORING_OVERDUE,
    /** About a question; {@code targetId} holds the question id, {@code commentId} the answer id. */
    QUESTION_ANSWERED, ANSWER_ACCEPTED;

    static NotificationType parse(String s) {
        for (NotificationType t : values()) {
            if (t.name().equals(s)) {
                return t;
            }
        }
        return null;
    }
}

package de.kontor.notify.internal;

import java.time.Instant;

/**
 * One row of {@code notifications}; {@code actorCount} counts distinct people for grouped rows; {@code targetId} is
 * the subject's id in its own module when it is neither a space nor a post (a decision).
 */
public record Notification(long id, long userId, NotificationType type, Long spaceId, Long postId, Long commentId,
                    Long actorId, int actorCount, Instant createdAt, Instant updatedAt, Instant readAt,
                    Long targetId) {

    public boolean unread() {
        return readAt == null;
    }

    /** Where the notification leads. */
    public String link() {
        return link(type, spaceId, postId, commentId, targetId);
    }

    /** Where a notification with these subject ids leads (also for e-mails about it). */
    static String link(NotificationType type, Long spaceId, Long postId, Long commentId, Long targetId) {
        return switch (type) {
            case SPACE_INVITATION, JOIN_APPROVED -> "/spaces/" + spaceId;
            case JOIN_REQUEST -> "/spaces/" + spaceId + "/members";
            case WIKI_PAGE_CHANGED -> "/spaces/" + spaceId + "/wiki/" + postId;
            case DECISION_REQUESTED, DECISION_REMINDER, DECISION_CLOSED -> "/decisions/" + targetId;
            case MONITORING_SPIKE -> "/monitoring/topics/" + targetId;
            case MONITORING_OVERDUE -> "/monitoring/mentions/" + targetId;
            case QUESTION_ANSWERED, ANSWER_ACCEPTED -> "/questions/" + targetId
                    + (commentId == null ? "" : "#answer-" + commentId);
            default -> "/posts/" + postId + (commentId == null ? "" : "#comment-" + commentId);
        };
    }
}

package de.kontor.notify.internal;

import java.time.Instant;

/** One row of {@code notifications}; {@code actorCount} counts distinct people for grouped rows. */
public record Notification(long id, long userId, NotificationType type, Long spaceId, Long postId, Long commentId,
                    Long actorId, int actorCount, Instant createdAt, Instant updatedAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }

    /** Where the notification leads. */
    public String link() {
        return switch (type) {
            case SPACE_INVITATION, JOIN_APPROVED -> "/spaces/" + spaceId;
            case JOIN_REQUEST -> "/spaces/" + spaceId + "/members";
            case WIKI_PAGE_CHANGED -> "/spaces/" + spaceId + "/wiki/" + postId;
            default -> "/posts/" + postId + (commentId == null ? "" : "#comment-" + commentId);
        };
    }
}

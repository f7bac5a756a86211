package de.kontor.notify;

import java.time.Instant;

/**
 * A notification was created for someone who wants this type by e-mail (published inside the notifying transaction
 * only for them). {@code type} is the notification type's name, {@code link} the path it leads to
 * ({@code /posts/12#comment-34}); {@code postId} is set for notifications about a post or a comment on one.
 */
public record NotificationCreated(long recipientId, String type, Long spaceId, Long postId, Long commentId,
                                  Long actorId, String link, Instant at) {
}

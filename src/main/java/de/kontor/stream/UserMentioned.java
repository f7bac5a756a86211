package de.kontor.stream;

import java.time.Instant;

/**
 * A person was mentioned in a post ({@code commentId} null) or a comment. Published only for people who can read
 * the post, so a listener never leaks content by acting on it.
 */
public record UserMentioned(long mentionedUserId, long postId, Long commentId, Long spaceId, long authorId,
                            Instant at) {
}

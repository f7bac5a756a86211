package de.kontor.stream;

import java.util.Optional;

import de.kontor.identity.KontorUser;

/**
 * Posts written on behalf of another module (a poll's question, a decision's announcement). Publishing goes through
 * the stream's own rules: space permissions, the posting rate limit, mentions, hashtags and {@link PostPublished}.
 */
public interface PostPublishing {

    /** A post as other modules see it. */
    record PublishedPost(long id, Long spaceId, long authorId) {
    }

    /** Publishes a post in the space as the author (403/404/409 like writing it oneself; 422 for an empty text). */
    PublishedPost publish(KontorUser author, long spaceId, String markdown);

    /**
     * Publishes a post on the author's profile (no space): read by every active member, never by guests. For content
     * that belongs to a person rather than a space (a person's blog article); 403 for guests, 422 for an empty text.
     */
    PublishedPost publishOnProfile(KontorUser author, String markdown);

    /** The post if the viewer may read it; empty when it does not exist, is deleted or is not readable. */
    Optional<PublishedPost> readable(KontorUser viewer, long postId);

    /**
     * Throws like commenting would: 404 when the viewer may not read the post, 403 when they may not contribute,
     * 409 when its space is archived.
     */
    void requireAnswerable(KontorUser viewer, long postId);

    // Comments written on behalf of another module (a reply by e-mail).

    /**
     * Adds a top-level comment by the author, with the same rules as commenting on the page (404 not readable,
     * 403 not a contributor, 409 archived, 422 empty or too long, 429 rate limit); returns the comment's id.
     */
    long comment(KontorUser author, long postId, String markdown);
}

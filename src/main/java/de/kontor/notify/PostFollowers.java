package de.kontor.notify;

import java.util.List;

/**
 * Who follows a post's conversation. The stream module owns the follows and implements this as a bean; until one
 * exists, nobody receives "comment on a post you follow" notifications.
 */
public interface PostFollowers {

    /** Ids of the people following the post (the author included if they follow it). */
    List<Long> followers(long postId);
}

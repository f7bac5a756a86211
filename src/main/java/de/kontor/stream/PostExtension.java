package de.kontor.stream;

import java.util.Collection;
import java.util.Map;

import de.kontor.identity.KontorUser;

/**
 * Lets another module show something of its own under a post's text (a poll under its question). Called once per
 * rendered list of posts, with the ids the viewer may read; implementations load what they need in one go.
 */
public interface PostExtension {

    /** Safe HTML fragments by post id, only for the posts the extension has something to show for. */
    Map<Long, String> renderHtml(Collection<Long> postIds, KontorUser viewer);
}

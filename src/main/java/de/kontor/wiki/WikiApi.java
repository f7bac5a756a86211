package de.kontor.wiki;

import java.util.Optional;

/**
 * What other modules may ask of the wiki. Implemented in {@code wiki.internal}; permission checks for people
 * happen there, these calls act on behalf of the system (e.g. a decision recording its outcome).
 */
public interface WikiApi {

    /** A page as other modules see it. */
    record PageRef(long id, long spaceId, String title, String url) {
    }

    /**
     * Creates a page (or, when a page with that title exists under the same parent, a new revision of it) in the
     * space's wiki as the given author. {@code parentTitle} null puts it at the top level; a missing parent is
     * created as an empty page first.
     */
    PageRef recordPage(long spaceId, String parentTitle, String title, String markdown, long authorId,
                       String changeNote);

    Optional<PageRef> find(long pageId);
}

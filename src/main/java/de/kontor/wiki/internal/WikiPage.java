package de.kontor.wiki.internal;

import java.time.Instant;

/** A wiki page with the text of its current revision. */
public record WikiPage(long id, long spaceId, Long parentId, String title, int position, boolean restricted,
                       long revisionId, String body, Long createdBy, Instant createdAt, Long updatedBy,
                       Instant updatedAt) {

    public String url() {
        return "/spaces/" + spaceId + "/wiki/" + id;
    }
}

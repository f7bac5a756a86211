package de.kontor.spaces.internal;

import java.time.Instant;

import de.kontor.shared.Markdown;
import de.kontor.spaces.SpaceRole;
import de.kontor.spaces.Visibility;

/** A space as seen by one viewer: the space itself plus the viewer's relation to it. */
public record Space(long id, String name, String description, Visibility visibility, Instant archivedAt,
                    Instant createdAt, int memberCount, boolean external, SpaceRole myRole, boolean invited,
                    boolean requested) {

    public boolean archived() {
        return archivedAt != null;
    }

    public String descriptionHtml() {
        return Markdown.toSafeHtml(description);
    }
}

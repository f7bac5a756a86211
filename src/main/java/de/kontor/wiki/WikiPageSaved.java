package de.kontor.wiki;

import java.time.Instant;

/** A wiki page was created or got a new revision (also by a restore); published inside the saving transaction. */
public record WikiPageSaved(long pageId, long spaceId, long authorId, long revisionId, boolean created, Instant at) {
}

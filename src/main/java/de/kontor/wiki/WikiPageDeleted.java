package de.kontor.wiki;

import java.time.Instant;
import java.util.List;

/** A wiki page was deleted together with the pages below it ({@code pageIds}, the page itself first). */
public record WikiPageDeleted(long pageId, long spaceId, long deletedBy, List<Long> pageIds, Instant at) {
}

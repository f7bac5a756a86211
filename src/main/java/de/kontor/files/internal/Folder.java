package de.kontor.files.internal;

import java.time.Instant;

/** A folder of a space's files; {@code parentId} null is the top level. */
public record Folder(long id, long spaceId, Long parentId, String name, Instant createdAt) {
}

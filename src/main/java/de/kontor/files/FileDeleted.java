package de.kontor.files;

/** A file was deleted with all its versions. */
public record FileDeleted(long fileId, long spaceId) {
}

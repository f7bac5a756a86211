package de.kontor.files;

/** A file was renamed or moved to another folder. */
public record FileChanged(long fileId, long spaceId) {
}

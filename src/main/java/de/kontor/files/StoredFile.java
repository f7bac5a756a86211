package de.kontor.files;

/** A file as stored: its id, space, name and the version just written (1 for a new file). */
public record StoredFile(long id, long spaceId, String name, int version, String contentType, long size) {
}

package de.kontor.files;

/** A new file or a new version of a file was stored (also a restored older version). */
public record FileUploaded(long fileId, long versionId, long spaceId, long uploaderId) {
}

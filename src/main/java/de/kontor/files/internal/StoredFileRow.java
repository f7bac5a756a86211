package de.kontor.files.internal;

import java.time.Instant;

/** A file with its current version. {@code uploadedBy} created the file; {@code versionBy} uploaded the version. */
public record StoredFileRow(long id, long spaceId, Long folderId, String name, Long uploadedBy, Instant createdAt,
                            Instant updatedAt, long versionId, int version, String contentType, long size,
                            Long versionBy, Instant versionAt) {

    public boolean image() {
        return FileTypes.inlineImage(contentType);
    }

    public boolean pdf() {
        return FileTypes.PDF.equals(contentType);
    }

    public boolean previewable() {
        return image() || pdf();
    }

    public String sizeText() {
        return FileTypes.human(size);
    }
}

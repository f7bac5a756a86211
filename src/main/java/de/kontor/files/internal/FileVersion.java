package de.kontor.files.internal;

import java.time.Instant;

/** One version of a file; {@code restoredFrom} is the number of the version it is a copy of. */
public record FileVersion(long id, long fileId, int number, String contentType, long size, String sha256,
                          Long uploadedBy, Integer restoredFrom, Instant createdAt) {

    public String sizeText() {
        return FileTypes.human(size);
    }
}

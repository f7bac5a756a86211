package de.kontor.wiki.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A file on a page (without its bytes). */
public record Attachment(long id, long pageId, String name, String contentType, long size, Long uploadedBy,
                         Instant createdAt) {

    /** The name as one URL path segment. */
    public String encodedName() {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public boolean image() {
        return contentType.startsWith("image/");
    }
}

package de.kontor.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque keyset cursor: a sort key and an id, base64url-encoded. */
public record Cursor(String key, long id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor from a request; null or blank means "first page"; garbage is a 400-type error. */
    public static Cursor decode(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
            int bar = s.lastIndexOf('|');
            return new Cursor(s.substring(0, bar), Long.parseLong(s.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new DomainException.Invalid("cursor", "validation.cursor");
        }
    }

    /** Clamps a requested page size to 1..100 (default 20). */
    public static int limit(Integer requested) {
        if (requested == null) {
            return 20;
        }
        if (requested < 1 || requested > 100) {
            throw new DomainException.Invalid("limit", "validation.limit");
        }
        return requested;
    }
}

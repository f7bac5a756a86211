package de.kontor.files.internal;

import java.util.Locale;
import java.util.Set;

import org.apache.tika.Tika;

/**
 * Content types as Apache Tika detects them from the bytes and the name; what the browser claims is never used.
 * Only raster images and PDFs are ever shown inline; everything else is a download.
 */
final class FileTypes {

    static final String PDF = "application/pdf";
    static final String OCTET_STREAM = "application/octet-stream";
    private static final Set<String> INLINE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final Tika TIKA = new Tika();

    private FileTypes() {
    }

    /** The type of a file from its first bytes and its name. */
    static String detect(byte[] head, String name) {
        String type = TIKA.detect(head, name);
        return type == null || type.isBlank() ? OCTET_STREAM : type.toLowerCase(Locale.ROOT);
    }

    static boolean inlineImage(String type) {
        return INLINE_IMAGES.contains(type);
    }

    /** Raster images and PDFs open in the browser; SVG, HTML, XML, scripts and the rest never do. */
    static boolean inline(String type) {
        return inlineImage(type) || PDF.equals(type);
    }

    /**
     * The Content-Type a download is sent with: the detected type, except for types a browser would run or render
     * (HTML, SVG, XML, scripts), which go out as plain bytes.
     */
    static String servedType(String type) {
        if (inline(type)) {
            return type;
        }
        boolean active = type.startsWith("text/html") || type.contains("xml") || type.contains("javascript")
                || type.contains("ecmascript") || type.startsWith("image/svg") || type.startsWith("multipart/");
        return active ? OCTET_STREAM : type;
    }

    /** 1.2 MB, 340 KB, 12 B. */
    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }
}

package de.kontor.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * How file bytes leave Kontor (pages and API alike): streamed chunk by chunk; raster images and PDFs inline,
 * everything else as an attachment; never sniffed ({@code nosniff}) and sandboxed
 * ({@code Content-Security-Policy: sandbox}), so an uploaded HTML or SVG file can never run in Kontor's origin.
 */
final class FileResponses {

    static final String CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

    private FileResponses() {
    }

    static void send(HttpServletResponse res, FileService service, FileVersion v, String name, boolean download)
            throws IOException {
        boolean inline = !download && FileTypes.inline(v.contentType());
        headers(res, FileTypes.servedType(v.contentType()), v.size(), name, inline);
        try (InputStream in = service.open(v); OutputStream out = res.getOutputStream()) {
            in.transferTo(out);
        }
    }

    static void sendBytes(HttpServletResponse res, String type, byte[] bytes, String name) throws IOException {
        headers(res, type, bytes.length, name, true);
        try (OutputStream out = res.getOutputStream()) {
            out.write(bytes);
        }
    }

    private static void headers(HttpServletResponse res, String type, long size, String name, boolean inline) {
        res.setContentType(type);
        res.setContentLengthLong(size);
        res.setHeader(HttpHeaders.CONTENT_DISPOSITION, (inline ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(name, StandardCharsets.UTF_8).build().toString());
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Content-Security-Policy", CSP);
        res.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }
}

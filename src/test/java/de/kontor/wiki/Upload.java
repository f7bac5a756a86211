package de.kontor.wiki;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body with one file, for attachment tests. */
record Upload(String contentType, byte[] body) {

    static Upload file(String filename, String claimedType, byte[] content) {
        String boundary = "----wiki" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + claimedType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Upload("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }
}

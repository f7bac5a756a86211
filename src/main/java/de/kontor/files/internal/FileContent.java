package de.kontor.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

import de.kontor.shared.DomainException;

/**
 * The bytes of versions in {@code file_chunks}, one MiB per row: an upload is written and a download read one chunk
 * at a time, so a 50 MB file never sits in memory as a whole (nor twice).
 */
@Component
public class FileContent {

    static final int CHUNK = 1024 * 1024;

    /** What was written: size and SHA-256. */
    record Written(long size, String sha256) {
    }

    private final FileRepository repo;

    FileContent(FileRepository repo) {
        this.repo = repo;
    }

    /**
     * Writes {@code first} and the rest of {@code in} as the version's chunks; 413 as soon as more than
     * {@code maxBytes} arrived (the caller's transaction then removes what was written).
     */
    Written write(long versionId, byte[] first, InputStream in, long maxBytes) {
        MessageDigest sha = sha256();
        long size = 0;
        int seq = 0;
        byte[] chunk = first;
        try {
            while (chunk.length > 0) {
                size += chunk.length;
                if (size > maxBytes) {
                    throw new DomainException.TooLarge("files.error.fileTooLarge", FileTypes.human(maxBytes));
                }
                sha.update(chunk);
                repo.insertChunk(versionId, seq++, chunk);
                chunk = in.readNBytes(CHUNK);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Written(size, HexFormat.of().formatHex(sha.digest()));
    }

    /** The version's bytes as a stream that reads one chunk from the database at a time. */
    public InputStream open(long versionId) {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int pos;
            private int seq;
            private boolean done;

            private boolean fill() {
                while (!done && pos >= current.length) {
                    var next = repo.chunk(versionId, seq++);
                    if (next.isEmpty()) {
                        done = true;
                    } else {
                        current = next.get();
                        pos = 0;
                    }
                }
                return pos < current.length;
            }

            @Override
            public int read() {
                return fill() ? current[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, current.length - pos);
                System.arraycopy(current, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package de.kontor.files;

import java.io.InputStream;

import org.springframework.stereotype.Service;

import de.kontor.files.internal.FileService;
import de.kontor.identity.KontorUser;

/**
 * Stores files for other modules (e.g. e-mail attachments) with the same rules as an upload in the browser: the
 * uploader must be able to write to the space (404 not visible, 403 not a member, 409 archived), the type is detected
 * from the bytes, the per-file and per-space limits apply (413) and an empty file is refused (422).
 */
@Service
public class FileStore {

    private final FileService files;

    FileStore(FileService files) {
        this.files = files;
    }

    /**
     * Stores {@code content} as {@code name} in the top folder of the space; a file of the same name there gets a
     * new version. The stream is read once, to its end, and not closed.
     */
    public StoredFile store(KontorUser uploader, long spaceId, String name, InputStream content) {
        return files.upload(uploader, spaceId, null, name, content);
    }
}

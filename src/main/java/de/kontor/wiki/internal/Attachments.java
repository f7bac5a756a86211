package de.kontor.wiki.internal;

import java.util.List;
import java.util.Set;

import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;

/**
 * Files on pages. The content type is what Apache Tika detects from the bytes (and the name), never what the client
 * claims; only the allow-listed types are stored (415 otherwise), and at most {@code kontor.wiki.attachment-max-size}
 * bytes (413). Whoever edits the page uploads and deletes; whoever reads it downloads.
 */
@Service
class Attachments {

    /** Images shown inline, PDF, office documents, text and zip archives. SVG is excluded: it can carry scripts. */
    static final Set<String> ALLOWED = Set.of(
            "image/png", "image/jpeg", "image/gif", "image/webp",
            "application/pdf",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation",
            "application/x-tika-msoffice", "application/x-tika-ooxml",
            "text/plain", "text/csv", "text/markdown", "text/x-web-markdown",
            "application/zip");

    private static final Tika TIKA = new Tika();

    private final WikiService wiki;
    private final AttachmentRepository files;
    private final long maxSize;

    Attachments(WikiService wiki, AttachmentRepository files,
                @Value("${kontor.wiki.attachment-max-size:10MB}") DataSize maxSize) {
        this.wiki = wiki;
        this.files = files;
        this.maxSize = maxSize.toBytes();
    }

    @Transactional
    Attachment upload(KontorUser viewer, long spaceId, long pageId, String filename, byte[] data) {
        WikiPage p = wiki.readable(viewer, spaceId, pageId);
        wiki.requireEdit(viewer, p);
        String name = name(filename);
        if (data == null || data.length == 0) {
            throw new DomainException.Invalid("file", "wiki.error.emptyFile");
        }
        if (data.length > maxSize) {
            throw new DomainException.TooLarge("wiki.error.attachmentTooLarge", maxSize / (1024 * 1024));
        }
        String type = TIKA.detect(data, name);
        if (!ALLOWED.contains(type)) {
            throw new WikiProblem(415, "wiki.error.attachmentType", type);
        }
        return files.save(p.id(), name, type, data, viewer.id());
    }

    List<Attachment> list(KontorUser viewer, long spaceId, long pageId) {
        return files.list(wiki.readable(viewer, spaceId, pageId).id());
    }

    Attachment find(KontorUser viewer, long spaceId, long pageId, String name) {
        WikiPage p = wiki.readable(viewer, spaceId, pageId);
        return files.find(p.id(), name).orElseThrow(DomainException.NotFound::new);
    }

    byte[] data(Attachment a) {
        return files.data(a.id());
    }

    @Transactional
    void delete(KontorUser viewer, long spaceId, long pageId, String name) {
        WikiPage p = wiki.readable(viewer, spaceId, pageId);
        wiki.requireEdit(viewer, p);
        files.delete(files.find(p.id(), name).orElseThrow(DomainException.NotFound::new).id());
    }

    /** The file name without any path, control characters or characters that would break a Markdown reference. */
    static String name(String filename) {
        String n = filename == null ? "" : filename.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}()\\[\\]<>\"]", "").strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            throw new DomainException.Invalid("file", "wiki.error.fileName");
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}

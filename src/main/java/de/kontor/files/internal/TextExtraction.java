package de.kontor.files.internal;

import java.io.InputStream;
import java.util.Set;

import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The plain text of PDF, Office, OpenDocument and text files for search, extracted with Apache Tika's parsers up to
 * {@code kontor.files.max-text-size} characters. Runs when the search index asks for a file (after the upload has
 * committed, on the indexing thread) and keeps the result with the version, so a rebuild does not parse again.
 */
@Component
public class TextExtraction {

    private static final Logger log = LoggerFactory.getLogger(TextExtraction.class);
    private static final Set<String> PREFIXES = Set.of("application/vnd.openxmlformats-officedocument.",
            "application/vnd.oasis.opendocument.", "application/vnd.ms-", "text/");
    private static final Set<String> TYPES = Set.of(FileTypes.PDF, "application/msword", "application/rtf",
            "application/x-tika-msoffice", "application/x-tika-ooxml");

    private final FileRepository repo;
    private final FileContent content;
    private final int maxChars;

    TextExtraction(FileRepository repo, FileContent content, FilesProperties properties) {
        this.repo = repo;
        this.content = content;
        this.maxChars = (int) Math.min(Integer.MAX_VALUE, properties.maxTextSize().toBytes());
    }

    static boolean extractable(String type) {
        return TYPES.contains(type) || PREFIXES.stream().anyMatch(type::startsWith) && !type.equals("text/html");
    }

    /** The version's text ("" for types without text or when parsing failed). */
    public String text(long versionId, String contentType) {
        if (!extractable(contentType)) {
            return "";
        }
        return repo.extractedText(versionId).orElseGet(() -> {
            String text = extract(versionId);
            repo.saveText(versionId, text);
            return text;
        });
    }

    private String extract(long versionId) {
        WriteOutContentHandler handler = new WriteOutContentHandler(maxChars);
        try (InputStream in = content.open(versionId)) {
            new AutoDetectParser().parse(in, handler, new Metadata(), new ParseContext());
        } catch (Exception e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                log.info("No text from file version {}: {}", versionId, e.toString());
            }
        }
        // PostgreSQL text cannot hold NUL characters
        return handler.toString().replace('\0', ' ').strip();
    }
}

package de.kontor.files;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import de.kontor.files.internal.FileRepository;
import de.kontor.files.internal.TextExtraction;

/**
 * Files as text for indexing (the search module): the name and the text of the current version, extracted with Apache
 * Tika the first time it is asked for (outside the upload) and kept. It decides nothing about access: a reader of
 * the documents filters by {@code spaceId} with {@link de.kontor.spaces.VisibilityPolicy}.
 */
@Service
public class FileDocuments {

    /** A file for the index. */
    public record FileDocument(long id, long spaceId, Long uploaderId, String name, String text, Instant createdAt) {
    }

    private final FileRepository repo;
    private final TextExtraction extraction;

    FileDocuments(FileRepository repo, TextExtraction extraction) {
        this.repo = repo;
        this.extraction = extraction;
    }

    /** The file with the text of its current version; empty when it does not exist (any more). */
    public Optional<FileDocument> find(long id) {
        return repo.indexRow(id).map(this::document);
    }

    /** Up to {@code limit} files with an id greater than {@code afterId}, by id (a full index rebuild). */
    public List<FileDocument> page(long afterId, int limit) {
        return repo.indexRows(afterId, limit).stream().map(this::document).toList();
    }

    private FileDocument document(FileRepository.IndexRow r) {
        return new FileDocument(r.fileId(), r.spaceId(), r.uploaderId(), r.name(),
                extraction.text(r.versionId(), r.contentType()), r.createdAt());
    }
}

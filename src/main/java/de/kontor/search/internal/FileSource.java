package de.kontor.search.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import de.kontor.files.FileDocuments;
import de.kontor.files.FileDocuments.FileDocument;

/**
 * Files of a space for the space's readers ({@link Acl#SPACE_CONTENT}): the name as title, the text of the current
 * version (extracted by the files module on first load, here on the indexing thread) as body.
 */
@Component
class FileSource implements DocumentSource {

    static final String TYPE = "file";

    private final FileDocuments files;

    FileSource(FileDocuments files) {
        this.files = files;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<SearchDocument> load(long id) {
        return files.find(id).map(FileSource::document);
    }

    @Override
    public Batch page(long afterId, int limit) {
        return Batch.of(files.page(afterId, limit), limit, FileDocument::id, f -> Optional.of(document(f)));
    }

    static SearchDocument document(FileDocument f) {
        return new SearchDocument(TYPE, f.id(), Acl.SPACE_CONTENT, f.spaceId(), null, f.uploaderId(), f.name(),
                f.text(), List.of(), f.createdAt(), "/files/" + f.id());
    }
}

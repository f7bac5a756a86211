package de.kontor.search.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import de.kontor.bookmarks.BookmarkDocuments;
import de.kontor.bookmarks.BookmarkDocuments.BookmarkDocument;

/**
 * Bookmarks: a bookmark in a space for the space's readers ({@link Acl#SPACE_CONTENT}), a private one for its owner
 * only ({@link Acl#OWNER}, the owner as author). The address is part of the text, so a host name finds its links.
 */
@Component
class BookmarkSource implements DocumentSource {

    static final String TYPE = "bookmark";

    private final BookmarkDocuments bookmarks;

    BookmarkSource(BookmarkDocuments bookmarks) {
        this.bookmarks = bookmarks;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<SearchDocument> load(long id) {
        return bookmarks.find(id).map(BookmarkSource::document);
    }

    @Override
    public Batch page(long afterId, int limit) {
        return Batch.of(bookmarks.page(afterId, limit), limit, BookmarkDocument::id, b -> Optional.of(document(b)));
    }

    static SearchDocument document(BookmarkDocument b) {
        String body = b.note() + "\n\n" + b.url().replaceAll("[/:.?=&_-]+", " ");
        return new SearchDocument(TYPE, b.id(), b.spaceId() == null ? Acl.OWNER : Acl.SPACE_CONTENT, b.spaceId(),
                null, b.ownerId(), b.title(), body, b.tags(), b.createdAt(), "/bookmarks/" + b.id());
    }
}

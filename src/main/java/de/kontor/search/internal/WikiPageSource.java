package de.kontor.search.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import de.kontor.wiki.WikiDocuments;
import de.kontor.wiki.WikiDocuments.WikiDocument;

/** Wiki pages: title, current text and labels (as tags); readers of the space find them. */
@Component
class WikiPageSource implements DocumentSource {

    static final String TYPE = "wiki";

    private final WikiDocuments pages;

    WikiPageSource(WikiDocuments pages) {
        this.pages = pages;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<SearchDocument> load(long id) {
        return pages.find(id).map(WikiPageSource::document);
    }

    @Override
    public Batch page(long afterId, int limit) {
        return Batch.of(pages.page(afterId, limit), limit, WikiDocument::id, p -> Optional.of(document(p)));
    }

    static SearchDocument document(WikiDocument p) {
        return new SearchDocument(TYPE, p.id(), Acl.SPACE_CONTENT, p.spaceId(), null, p.editorId(), p.title(),
                p.text(), p.labels(), p.updatedAt(), p.url());
    }
}

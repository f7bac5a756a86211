package de.kontor.search.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import de.kontor.decisions.DecisionDocuments;
import de.kontor.decisions.DecisionDocuments.DecisionDocument;

/** Decisions: title, context and options; readers of the space find them, open, decided or withdrawn. */
@Component
class DecisionSource implements DocumentSource {

    static final String TYPE = "decision";

    private final DecisionDocuments decisions;

    DecisionSource(DecisionDocuments decisions) {
        this.decisions = decisions;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<SearchDocument> load(long id) {
        return decisions.find(id).map(DecisionSource::document);
    }

    @Override
    public Batch page(long afterId, int limit) {
        return Batch.of(decisions.page(afterId, limit), limit, DecisionDocument::id, d -> Optional.of(document(d)));
    }

    static SearchDocument document(DecisionDocument d) {
        return new SearchDocument(TYPE, d.id(), Acl.SPACE_CONTENT, d.spaceId(), null, d.proposerId(), d.title(),
                d.text(), List.of(), d.createdAt(), d.url());
    }
}

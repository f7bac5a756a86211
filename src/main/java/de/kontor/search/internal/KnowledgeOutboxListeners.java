package de.kontor.search.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import de.kontor.decisions.DecisionClosed;
import de.kontor.decisions.DecisionRequested;
import de.kontor.search.internal.Outbox.Op;
import de.kontor.wiki.WikiPageDeleted;
import de.kontor.wiki.WikiPageSaved;

/**
 * Outbox rows for wiki pages and decisions, written inside the publishing transaction like
 * {@link OutboxListeners}. A deleted page takes its sub-pages with it: each gets its own delete row.
 */
@Component
class KnowledgeOutboxListeners {

    private final Outbox outbox;

    KnowledgeOutboxListeners(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(WikiPageSaved e) {
        outbox.append(WikiPageSource.TYPE, e.pageId(), Op.UPSERT);
    }

    @EventListener
    void on(WikiPageDeleted e) {
        for (long id : e.pageIds()) {
            outbox.append(WikiPageSource.TYPE, id, Op.DELETE);
        }
    }

    @EventListener
    void on(DecisionRequested e) {
        outbox.append(DecisionSource.TYPE, e.decisionId(), Op.UPSERT);
    }

    @EventListener
    void on(DecisionClosed e) {
        outbox.append(DecisionSource.TYPE, e.decisionId(), Op.UPSERT);
    }
}

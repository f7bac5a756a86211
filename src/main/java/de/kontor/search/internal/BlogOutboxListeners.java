package de.kontor.search.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import de.kontor.blogs.ArticleDeleted;
import de.kontor.blogs.ArticleEdited;
import de.kontor.blogs.ArticlePublished;
import de.kontor.search.internal.Outbox.Op;

/**
 * Outbox rows for blog articles, written inside the blogs module's transaction like {@link OutboxListeners}. An
 * edit of an unpublished article writes an UPSERT too: the source finds nothing and the index stays without it.
 */
@Component
class BlogOutboxListeners {

    private final Outbox outbox;

    BlogOutboxListeners(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(ArticlePublished e) {
        outbox.append(ArticleSource.TYPE, e.articleId(), Op.UPSERT);
    }

    @EventListener
    void on(ArticleEdited e) {
        outbox.append(ArticleSource.TYPE, e.articleId(), Op.UPSERT);
    }

    @EventListener
    void on(ArticleDeleted e) {
        outbox.append(ArticleSource.TYPE, e.articleId(), Op.DELETE);
    }
}

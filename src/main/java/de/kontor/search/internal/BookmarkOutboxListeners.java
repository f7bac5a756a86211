package de.kontor.search.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import de.kontor.bookmarks.BookmarkDeleted;
import de.kontor.bookmarks.BookmarkSaved;
import de.kontor.search.internal.Outbox.Op;

/** Outbox rows for bookmarks, inside the saving transaction (see {@link OutboxListeners}). */
@Component
class BookmarkOutboxListeners {

    private final Outbox outbox;

    BookmarkOutboxListeners(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(BookmarkSaved e) {
        outbox.append(BookmarkSource.TYPE, e.bookmarkId(), Op.UPSERT);
    }

    @EventListener
    void on(BookmarkDeleted e) {
        outbox.append(BookmarkSource.TYPE, e.bookmarkId(), Op.DELETE);
    }
}

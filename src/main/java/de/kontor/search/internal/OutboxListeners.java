package de.kontor.search.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import de.kontor.identity.UserRoleChanged;
import de.kontor.messaging.MessageSent;
import de.kontor.search.internal.Outbox.Op;
import de.kontor.spaces.SpaceArchived;
import de.kontor.spaces.SpaceCreated;
import de.kontor.spaces.SpaceUnarchived;
import de.kontor.spaces.SpaceUpdated;
import de.kontor.stream.CommentAdded;
import de.kontor.stream.CommentDeleted;
import de.kontor.stream.CommentEdited;
import de.kontor.stream.PostDeleted;
import de.kontor.stream.PostEdited;
import de.kontor.stream.PostPublished;

/**
 * Writes an outbox row for every change of searchable content. Plain synchronous listeners on purpose (not
 * {@code @ApplicationModuleListener}): they run inside the publishing service's transaction, so the row commits or
 * rolls back with the change itself and no change is ever lost between commit and indexing. Membership and
 * visibility changes need no row: the index holds no permissions.
 */
@Component
class OutboxListeners {

    private final Outbox outbox;

    OutboxListeners(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(PostPublished e) {
        outbox.append(PostSource.TYPE, e.postId(), Op.UPSERT);
    }

    @EventListener
    void on(PostEdited e) {
        outbox.append(PostSource.TYPE, e.postId(), Op.UPSERT);
    }

    @EventListener
    void on(PostDeleted e) {
        outbox.append(PostSource.TYPE, e.postId(), Op.DELETE);
    }

    // comments are part of their post's document

    @EventListener
    void on(CommentAdded e) {
        outbox.append(PostSource.TYPE, e.postId(), Op.UPSERT);
    }

    @EventListener
    void on(CommentEdited e) {
        outbox.append(PostSource.TYPE, e.postId(), Op.UPSERT);
    }

    @EventListener
    void on(CommentDeleted e) {
        outbox.append(PostSource.TYPE, e.postId(), Op.UPSERT);
    }

    @EventListener
    void on(SpaceCreated e) {
        outbox.append(SpaceSource.TYPE, e.spaceId(), Op.UPSERT);
    }

    @EventListener
    void on(SpaceUpdated e) {
        outbox.append(SpaceSource.TYPE, e.spaceId(), Op.UPSERT);
    }

    @EventListener
    void on(SpaceArchived e) {
        outbox.append(SpaceSource.TYPE, e.spaceId(), Op.UPSERT);
    }

    @EventListener
    void on(SpaceUnarchived e) {
        outbox.append(SpaceSource.TYPE, e.spaceId(), Op.UPSERT);
    }

    @EventListener
    void on(MessageSent e) {
        outbox.append(DirectMessageSource.TYPE, e.messageId(), Op.UPSERT);
    }

    @EventListener
    void on(UserRoleChanged e) {
        outbox.append(PersonSource.TYPE, e.userId(), Op.UPSERT);
    }
}

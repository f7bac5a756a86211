package de.kontor.search.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import de.kontor.files.FileChanged;
import de.kontor.files.FileDeleted;
import de.kontor.files.FileUploaded;
import de.kontor.search.internal.Outbox.Op;

/** Outbox rows for files, inside the uploading transaction (see {@link OutboxListeners}). */
@Component
class FileOutboxListeners {

    private final Outbox outbox;

    FileOutboxListeners(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(FileUploaded e) {
        outbox.append(FileSource.TYPE, e.fileId(), Op.UPSERT);
    }

    @EventListener
    void on(FileChanged e) {
        outbox.append(FileSource.TYPE, e.fileId(), Op.UPSERT);
    }

    @EventListener
    void on(FileDeleted e) {
        outbox.append(FileSource.TYPE, e.fileId(), Op.DELETE);
    }
}

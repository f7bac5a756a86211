package de.kontor.search.internal;

import java.time.Instant;

/** Progress of the current or last index rebuild, for administrators. */
public final class RebuildStatus {

    /** What an administrator sees; {@code docsPerSecond} is 0 while nothing is measured. */
    public record Snapshot(boolean running, long documents, Instant startedAt, Instant finishedAt, long docsPerSecond,
                    String error) {
    }

    private boolean running;
    private long documents;
    private Instant startedAt;
    private Instant finishedAt;
    private long docsPerSecond;
    private String error;

    synchronized boolean begin() {
        if (running) {
            return false;
        }
        running = true;
        documents = 0;
        startedAt = Instant.now();
        finishedAt = null;
        docsPerSecond = 0;
        error = null;
        return true;
    }

    synchronized void progress(long written) {
        documents = Math.max(documents, written);
        double seconds = (System.currentTimeMillis() - startedAt.toEpochMilli()) / 1000.0;
        docsPerSecond = seconds > 0 ? Math.round(documents / seconds) : 0;
    }

    synchronized void finish(long written, double seconds) {
        running = false;
        documents = written;
        docsPerSecond = Math.round(written / seconds);
        finishedAt = Instant.now();
    }

    synchronized void fail(String message) {
        running = false;
        error = message;
        finishedAt = Instant.now();
    }

    synchronized boolean running() {
        return running;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(running, documents, startedAt, finishedAt, docsPerSecond, error);
    }
}

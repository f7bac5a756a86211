package de.kontor.search.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.PersonText;
import de.kontor.shared.DomainException;
import de.kontor.shared.KontorProperties;

/**
 * Keeps this node's index current: polls {@code search_outbox} (every few hundred milliseconds), loads each changed
 * document from its module and writes it, refreshes the searchers about twice a second and commits every few
 * seconds with the applied seq in the commit. Every row is applied by loading the document as it is now, so
 * applying a row twice is harmless: after a crash the node re-applies from its last commit and neither loses nor
 * duplicates a document.
 *
 * <p>Sequence numbers are handed out before commit, so a row with a lower seq can become visible after a higher
 * one. Rows are applied as soon as they are seen, but the committed position only moves over a gap once the gap is
 * filled or {@link #GAP_PATIENCE} old (a rolled-back transaction leaves a gap forever).
 *
 * <p>People have no change events yet: their profiles are read by change time every {@link #PEOPLE_POLL}.
 */
@Component
class IndexApplier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexApplier.class);
    static final Duration GAP_PATIENCE = Duration.ofSeconds(10);
    static final Duration PEOPLE_POLL = Duration.ofSeconds(2);
    /** Profiles stamped this long before the last poll are read again (their transaction may commit late). */
    static final Duration PEOPLE_OVERLAP = Duration.ofSeconds(10);
    static final int BATCH = 500;
    static final int REBUILD_PAGE = 500;
    static final int REBUILD_THREADS = 2;

    private final Outbox outbox;
    private final Map<String, DocumentSource> sources = new LinkedHashMap<>();
    private final IdentityApi identity;
    private final Path path;
    private final Duration pollInterval;
    private final Duration refreshInterval;
    private final Duration commitInterval;
    private final RebuildStatus status = new RebuildStatus();

    private final Object applyLock = new Object();
    private long watermark;
    private final TreeSet<Long> appliedBeyond = new TreeSet<>();
    private Instant gapSeen;
    private Instant peopleSince = Instant.EPOCH;
    private Instant lastPeoplePoll = Instant.EPOCH;
    private boolean dirty;
    private Instant lastCommit = Instant.now();

    private volatile SearchIndex index;
    private ScheduledExecutorService timers;
    private ExecutorService rebuilds;
    private volatile boolean running;

    IndexApplier(Outbox outbox, List<DocumentSource> sources, IdentityApi identity, KontorProperties properties,
                 @Value("${kontor.search.poll-interval:300ms}") Duration pollInterval,
                 @Value("${kontor.search.refresh-interval:500ms}") Duration refreshInterval,
                 @Value("${kontor.search.commit-interval:5s}") Duration commitInterval) {
        this.outbox = outbox;
        sources.forEach(s -> this.sources.put(s.type(), s));
        this.identity = identity;
        this.path = properties.dataDir().resolve("search").toAbsolutePath();
        this.pollInterval = pollInterval;
        this.refreshInterval = refreshInterval;
        this.commitInterval = commitInterval;
    }

    /** The open index; 503 while this node is starting it (the web server answers before it is open). */
    SearchIndex index() {
        SearchIndex open = index;
        if (open == null) {
            throw new DomainException.Unavailable("search.error.starting");
        }
        return open;
    }

    RebuildStatus status() {
        return status;
    }

    DocumentSource source(String type) {
        return sources.get(type);
    }

    List<String> types() {
        return List.copyOf(sources.keySet());
    }

    // lifecycle

    @Override
    public void start() {
        try {
            SearchIndex opened = new SearchIndex(path, Analysis.curatedWords());
            SearchIndex.State state = opened.open();
            index = opened;
            synchronized (applyLock) {
                watermark = state.seq();
                peopleSince = Instant.ofEpochMilli(Long.parseLong(state.commit().getOrDefault(
                        SearchIndex.PEOPLE_SINCE, "0")));
            }
            timers = Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("search-index-", 0).daemon()
                    .factory());
            rebuilds = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("search-rebuild").daemon()
                    .factory());
            running = true;
            boolean missed = state.seq() < outbox.horizon();
            if (state.needsRebuild() || missed) {
                log.info("Search index at {} {}: rebuilding in the background", path,
                        missed ? "missed outbox rows deleted by the cleanup" : "is empty, damaged or outdated");
                rebuild(false);
            }
            timers.scheduleWithFixedDelay(this::applyQuietly, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            timers.scheduleWithFixedDelay(this::refreshQuietly, refreshInterval.toMillis(),
                    refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the search index at " + path, e);
        }
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        // no interrupts: an interrupted Lucene write can fail the whole writer
        timers.shutdown();
        rebuilds.shutdown();
        try {
            timers.awaitTermination(10, TimeUnit.SECONDS);
            rebuilds.awaitTermination(10, TimeUnit.SECONDS);
            synchronized (applyLock) {
                if (!status.running()) {
                    commit();
                }
            }
            SearchIndex closing = index;
            index = null;
            closing.close();
        } catch (IOException e) {
            log.warn("Search index not closed cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts after the web server (which starts in phase {@code MAX_VALUE - 2048}) and stops before it: opening a
     * large index cold takes seconds, and the pages should not wait for it; searches answer 503 while the index is
     * not open ({@link #index()}).
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }

    // applying the outbox

    private void applyQuietly() {
        try {
            // a change is searchable right after it is applied, not only at the next periodic refresh
            if (applyOutbox() > 0) {
                index.refresh();
            }
            if (Duration.between(lastPeoplePoll, Instant.now()).compareTo(PEOPLE_POLL) >= 0) {
                applyPeople();
            }
            synchronized (applyLock) {
                if (dirty && !status.running()
                        && Duration.between(lastCommit, Instant.now()).compareTo(commitInterval) >= 0) {
                    commit();
                }
            }
        } catch (RuntimeException | IOException e) {
            if (running) {
                log.warn("Search index update failed, retrying: {}", e.toString());
            }
        }
    }

    /** Applies what the outbox holds beyond the committed position; returns the number of rows applied. */
    private int applyOutbox() throws IOException {
        synchronized (applyLock) {
            List<Outbox.Row> rows = outbox.after(watermark, BATCH);
            Map<String, Outbox.Row> latest = new LinkedHashMap<>();
            for (Outbox.Row r : rows) {
                if (!appliedBeyond.contains(r.seq())) {
                    latest.put(r.type() + ":" + r.id(), r);
                }
            }
            for (Outbox.Row r : latest.values()) {
                apply(r.type(), r.id());
            }
            advance(rows);
            return latest.size();
        }
    }

    private void apply(String type, long id) throws IOException {
        DocumentSource source = sources.get(type);
        if (source == null) {
            return;
        }
        var doc = source.load(id);
        if (doc.isPresent()) {
            index.put(doc.get());
        } else {
            index.delete(type, id);
        }
        dirty = true;
    }

    /** Moves the committed position over contiguous rows, and over a gap that has waited long enough. */
    private void advance(List<Outbox.Row> rows) {
        for (Outbox.Row r : rows) {
            appliedBeyond.add(r.seq());
        }
        while (!appliedBeyond.isEmpty()) {
            long first = appliedBeyond.first();
            if (first == watermark + 1) {
                watermark = appliedBeyond.pollFirst();
                gapSeen = null;
                continue;
            }
            if (gapSeen == null) {
                gapSeen = Instant.now();
            }
            if (Duration.between(gapSeen, Instant.now()).compareTo(GAP_PATIENCE) < 0) {
                break;
            }
            watermark = appliedBeyond.pollFirst();
            gapSeen = null;
        }
    }

    /**
     * Indexes the profiles changed since the last poll. {@code peopleSince} is the database time at which the last
     * poll started; profiles stamped up to {@link #PEOPLE_OVERLAP} before it are read again, in case their
     * transaction committed after that poll. The window moves with the clock, so a profile is read again for at most
     * that long (it used to be counted from the newest change, which re-read a bulk import on every poll forever).
     */
    private void applyPeople() throws IOException {
        synchronized (applyLock) {
            lastPeoplePoll = Instant.now();
            Instant pollStarted = outbox.databaseNow();
            Instant since = peopleSince.minus(PEOPLE_OVERLAP);
            long afterId = 0;
            while (true) {
                List<PersonText> changed = identity.peopleChangedSince(since, afterId, BATCH);
                for (PersonText p : changed) {
                    var doc = PersonSource.document(p);
                    if (doc.isPresent()) {
                        index.put(doc.get());
                    } else {
                        index.delete(PersonSource.TYPE, p.id());
                    }
                    dirty = true;
                }
                if (changed.size() < BATCH) {
                    break;
                }
                since = changed.getLast().updatedAt();
                afterId = changed.getLast().id();
            }
            peopleSince = pollStarted;
        }
    }

    private void commit() throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(SearchIndex.SEQ, Long.toString(watermark));
        data.put(SearchIndex.PEOPLE_SINCE, Long.toString(peopleSince.toEpochMilli()));
        data.put(SearchIndex.REBUILDING, Boolean.toString(status.running()));
        index.commit(data);
        dirty = false;
        lastCommit = Instant.now();
    }

    private void refreshQuietly() {
        try {
            index.refresh();
        } catch (IOException | RuntimeException e) {
            if (running) {
                log.warn("Search index refresh failed: {}", e.toString());
            }
        }
    }

    // rebuilding

    /**
     * Rebuilds the index from the modules' read APIs in the background; search keeps answering from what is
     * indexed. {@code fromEmpty} first removes every document (the admin's "rebuild from scratch"); otherwise
     * documents are replaced in place and those not written again are removed at the end. Returns false when a
     * rebuild is already running.
     */
    boolean rebuild(boolean fromEmpty) {
        if (!status.begin()) {
            return false;
        }
        rebuilds.submit(() -> {
            try {
                runRebuild(fromEmpty);
            } catch (Exception e) {
                log.error("Search index rebuild failed", e);
                status.fail(e.toString());
            }
        });
        return true;
    }

    private void runRebuild(boolean fromEmpty) throws Exception {
        long startSeq = outbox.maxSeq();
        Instant startPeople = outbox.databaseNow();
        index.reopenWriter();
        String generation = index.newGeneration();
        synchronized (applyLock) {
            if (fromEmpty) {
                index.deleteAll();
            }
            commit();
        }
        long started = System.nanoTime();
        AtomicLong written = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        ExecutorService workers = Executors.newFixedThreadPool(REBUILD_THREADS,
                Thread.ofPlatform().name("search-rebuild-worker-", 0).daemon().factory());
        Semaphore inFlight = new Semaphore(REBUILD_THREADS * 2);
        try {
            for (DocumentSource source : sources.values()) {
                Long after = 0L;
                while (after != null && failure.get() == null && running) {
                    DocumentSource.Batch batch = source.page(after, REBUILD_PAGE);
                    inFlight.acquire();
                    workers.submit(() -> {
                        try {
                            for (SearchDocument d : batch.documents()) {
                                index.put(d);
                            }
                            status.progress(written.addAndGet(batch.documents().size()));
                        } catch (IOException | RuntimeException e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            inFlight.release();
                        }
                    });
                    after = batch.lastId();
                }
            }
        } finally {
            workers.shutdown();
            workers.awaitTermination(1, TimeUnit.HOURS);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        if (!running) {
            // the commit still says "rebuilding": the next start rebuilds again
            status.fail("stopped");
            return;
        }
        index.deleteOtherGenerations(generation);
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 0.001);
        synchronized (applyLock) {
            // a document loaded before a change committed is written again from the rows of the rebuild's time
            if (watermark > startSeq) {
                watermark = startSeq;
                appliedBeyond.clear();
                gapSeen = null;
            }
            if (peopleSince.isAfter(startPeople)) {
                peopleSince = startPeople;
            }
            status.finish(written.get(), seconds);
            commit();
        }
        index.refresh();
        log.info("Search index rebuilt: {} documents in {} s ({} docs/s, {} threads, compound dictionary {} words)",
                written.get(), String.format("%.1f", seconds), Math.round(written.get() / seconds), REBUILD_THREADS,
                index.dictionarySize());
    }
}

package de.kontor.monitoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Polls the sources that are due, one at a time, each in its own transaction that holds the source's row lock
 * ({@code FOR UPDATE SKIP LOCKED}) while it is fetched: two nodes (or a job and a "fetch now") never fetch the same
 * source at once. A failure is stored on the source (shown to the team) and the next try backs off exponentially:
 * interval × 2^failures, at most a day.
 */
@Component
class Poller {

    static final int MAX_PER_RUN = 50;
    private static final Duration MAX_BACKOFF = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final SourceRepository sources;
    private final FeedFetcher feeds;
    private final MastodonFetcher mastodon;
    private final MailboxFetcher mailbox;
    private final Listening listening;
    private final TransactionTemplate tx;

    Poller(SourceRepository sources, FeedFetcher feeds, MastodonFetcher mastodon, MailboxFetcher mailbox,
           Listening listening, TransactionTemplate tx) {
        this.sources = sources;
        this.feeds = feeds;
        this.mastodon = mastodon;
        this.mailbox = mailbox;
        this.listening = listening;
        this.tx = tx;
    }

    /** Polls due sources until none is left (at most {@link #MAX_PER_RUN}); returns how many were polled. */
    int pollDue() {
        int polled = 0;
        while (polled < MAX_PER_RUN && Boolean.TRUE.equals(tx.execute(status -> pollOne()))) {
            polled++;
        }
        return polled;
    }

    private boolean pollOne() {
        Instant now = Instant.now();
        Optional<Source> due = sources.lockNextDue(now);
        if (due.isEmpty()) {
            return false;
        }
        Source source = due.get();
        try {
            Fetched fetched = switch (source.kind()) {
                case FEED -> feeds.fetch(source);
                case MAILBOX -> mailbox.fetch(source);
                default -> mastodon.fetch(source);
            };
            Listening.Outcome outcome = listening.ingest(source.id(), fetched.items());
            sources.recordSuccess(source.id(), fetched.etag(), fetched.lastModified(), fetched.sinceId(),
                    now.plusSeconds(source.intervalSecs()));
            log.debug("Source {}: {} items, {} new mentions", source.id(), outcome.received(), outcome.stored());
        } catch (Fetched.RateLimited e) {
            sources.postpone(source.id(), e.until().isAfter(now) ? e.until() : now.plusSeconds(60));
        } catch (Fetched.Failed e) {
            fail(source, now, e.getMessage());
        } catch (RuntimeException e) {
            // a bug or an unexpected answer must not stop the other sources or retry this one at once
            log.warn("Source {} failed unexpectedly", source.id(), e);
            fail(source, now, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return true;
    }

    private void fail(Source source, Instant now, String message) {
        int failures = source.failures() + 1;
        Duration wait = Duration.ofSeconds(source.intervalSecs()).multipliedBy(1L << Math.min(failures, 10));
        Instant next = now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
        String shown = message == null ? "error" : message.length() > 500 ? message.substring(0, 500) : message;
        sources.recordFailure(source.id(), failures, shown, next);
        log.info("Source {} failed ({}x): {}", source.id(), failures, shown);
    }
}

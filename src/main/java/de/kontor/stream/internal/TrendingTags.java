package de.kontor.stream.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;


import de.kontor.stream.PostDeleted;
import de.kontor.stream.PostEdited;
import de.kontor.stream.PostPublished;
import de.kontor.stream.internal.StreamRepository.Readable;
import de.kontor.stream.internal.StreamRepository.TagCount;

/**
 * The trending tags, remembered for a minute per exact set of readable spaces: a week's counts hardly move within a
 * minute, every page shows them, and people with the same access share one entry. A changed membership is a
 * different key, so the answer never counts spaces the person can no longer read. A post written, edited or deleted
 * on this node forgets everything (just before its commit: a count taken in between stays at most {@link #TTL});
 * other nodes of a cluster catch up within the TTL.
 */
@Component
class TrendingTags {

    static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private record Key(Set<Long> spaces, boolean profiles, int limit) {
    }

    private record Entry(List<TagCount> tags, Instant until) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    List<TagCount> get(Readable readable, int limit, Supplier<List<TagCount>> count) {
        Key key = new Key(Set.copyOf(readable.spaces()), readable.profiles(), limit);
        Instant now = Instant.now();
        Entry hit = entries.get(key);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.tags();
        }
        List<TagCount> tags = List.copyOf(count.get());
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(tags, now.plus(TTL)));
        return tags;
    }

    // a plain listener inside the writing transaction: a transactional one is a persistent Modulith listener,
    // whose bookkeeping needs a second connection after commit (the bench found the pool deadlock under load)
    @EventListener({PostPublished.class, PostEdited.class, PostDeleted.class})
    void forget(Object postChange) {
        entries.clear();
    }
}

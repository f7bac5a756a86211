package de.kontor.stream.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.shared.Cursor;
import de.kontor.shared.DomainException;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.SpaceDirectory.SpaceRef;
import de.kontor.spaces.VisibilityPolicy;
import de.kontor.stream.internal.FollowRepository.Type;
import de.kontor.stream.internal.PostViews.PostView;
import de.kontor.stream.internal.StreamRepository.Key;
import de.kontor.stream.internal.StreamRepository.Readable;
import de.kontor.stream.internal.StreamRepository.TagCount;
import de.kontor.stream.internal.StreamRepository.Unread;

/**
 * The streams: fan-out on read. Each stream is a merge of index range scans over the posts the viewer may read,
 * newest first by {@code (created_at, id)} with a keyset cursor; nothing is copied into per-user inboxes.
 */
@Service
@Transactional(readOnly = true)
public class StreamService {

    /** One page of posts; {@code pinned} only on the first page of a space stream. */
    public record StreamPage(List<PostView> pinned, List<PostView> items, String nextCursor) {
    }

    private final StreamRepository streams;
    private final PostRepository posts;
    private final FollowRepository follows;
    private final PostViews views;
    private final VisibilityPolicy policy;
    private final SpaceDirectory spaces;
    private final IdentityApi identity;
    private final ReadRepository reads;
    private final TrendingTags trendingTags;

    StreamService(StreamRepository streams, PostRepository posts, FollowRepository follows, PostViews views,
                  VisibilityPolicy policy, SpaceDirectory spaces, IdentityApi identity, ReadRepository reads,
                  TrendingTags trendingTags) {
        this.reads = reads;
        this.trendingTags = trendingTags;
        this.streams = streams;
        this.posts = posts;
        this.follows = follows;
        this.views = views;
        this.policy = policy;
        this.spaces = spaces;
        this.identity = identity;
    }

    /**
     * Home: my spaces (member or followed, not muted) + people and tags I follow + posts mentioning me, all limited
     * to what I may read (followed conversations drive notifications, not the stream). The newest {@code limit} posts of my spaces set a floor: nothing older than
     * the last of them can be on this page, so the other branches only read posts at or above it (STACK.md).
     * With {@code unreadOnly} every branch, the one setting the floor included, reads only posts the viewer has not
     * read, so the floor and the page size stay right; a page is never filtered afterwards.
     */
    public StreamPage home(KontorUser viewer, String cursor, Integer limit, boolean unreadOnly) {
        int n = Cursor.limit(limit);
        Key after = after(cursor);
        Unread u = unreadOnly ? new Unread(viewer.id(), reads.watermark(viewer.id()).orElse(Instant.EPOCH)) : null;
        Set<Long> readable = policy.readableSpaceIds(viewer);
        Set<Long> muted = follows.muted(viewer.id());
        Set<Long> mine = new HashSet<>();
        spaces.memberships(viewer.id()).forEach(s -> mine.add(s.id()));
        mine.addAll(follows.ids(viewer.id(), Type.SPACE));
        mine.retainAll(readable);
        mine.removeAll(muted);
        List<Key> fromSpaces = streams.bySpaces(mine, false, false, after, u, n + 1);
        Instant floor = fromSpaces.size() > n ? fromSpaces.get(n - 1).createdAt() : null;
        Readable r = new Readable(readable, muted, !viewer.guest());
        Set<Long> authors = follows.ids(viewer.id(), Type.USER);
        authors.add(viewer.id());
        Map<Long, Key> merged = new LinkedHashMap<>();
        fromSpaces.forEach(k -> merged.put(k.id(), k));
        streams.byAuthors(authors, r, floor, after, u, n + 1).forEach(k -> merged.put(k.id(), k));
        streams.byTags(follows.keys(viewer.id(), Type.TAG), r, floor, after, u, n + 1)
                .forEach(k -> merged.put(k.id(), k));
        Readable unmuted = new Readable(readable, Set.of(), !viewer.guest());
        streams.byMention(viewer.id(), unmuted, floor, after, u, n + 1).forEach(k -> merged.put(k.id(), k));
        return page(viewer, List.of(), new ArrayList<>(merged.values()), n);
    }

    /** "Mark all as read": everything written until now leaves the unread filter. */
    @Transactional
    public void markAllRead(KontorUser viewer) {
        reads.markAllRead(viewer.id());
    }

    /** A space's posts; on the first page its pinned posts come first (and not again below). */
    public StreamPage space(KontorUser viewer, long spaceId, String cursor, Integer limit) {
        policy.requireReadable(viewer, spaceId);
        int n = Cursor.limit(limit);
        Key after = after(cursor);
        List<PostView> pinned = after == null
                ? views.views(viewer, posts.findAll(streams.pinned(spaceId)), false) : List.of();
        return page(viewer, pinned, streams.bySpaces(Set.of(spaceId), false, true, after, null, n + 1), n);
    }

    /** A person's posts in spaces the viewer may read, and their profile posts for company members. */
    public StreamPage person(KontorUser viewer, long userId, String cursor, Integer limit) {
        identity.find(userId).orElseThrow(DomainException.NotFound::new);
        int n = Cursor.limit(limit);
        Readable r = new Readable(policy.readableSpaceIds(viewer), Set.of(), !viewer.guest());
        return page(viewer, List.of(), streams.byAuthors(Set.of(userId), r, null, after(cursor), null, n + 1), n);
    }

    public StreamPage tag(KontorUser viewer, String tag, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        Readable r = new Readable(policy.readableSpaceIds(viewer), Set.of(), !viewer.guest());
        return page(viewer, List.of(), streams.byTags(Set.of(normalizeTag(tag)), r, null, after(cursor), null,
                n + 1), n);
    }

    /** Public spaces the viewer may read and profile posts (for company members). */
    public StreamPage company(KontorUser viewer, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        Set<Long> ids = new HashSet<>(spaces.publicIds());
        ids.retainAll(policy.readableSpaceIds(viewer));
        return page(viewer, List.of(), streams.bySpaces(ids, !viewer.guest(), false, after(cursor), null, n + 1), n);
    }

    /** The tags used most in the last seven days, counting only posts the viewer may read. */
    public List<TagCount> trending(KontorUser viewer, int limit) {
        Readable r = new Readable(policy.readableSpaceIds(viewer), Set.of(), !viewer.guest());
        return trendingTags.get(r, limit, () -> streams.trending(r, Instant.now().minus(Duration.ofDays(7)), limit));
    }

    /** Spaces the viewer can post in (the composer's choice). */
    public List<SpaceRef> writableSpaces(KontorUser viewer) {
        return spaces.memberships(viewer.id()).stream().filter(s -> !s.archived()).toList();
    }

    static String normalizeTag(String tag) {
        String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("#")) {
            t = t.substring(1);
        }
        if (t.isEmpty() || t.length() > 50) {
            throw new DomainException.NotFound();
        }
        return t;
    }

    private StreamPage page(KontorUser viewer, List<PostView> pinned, List<Key> keys, int n) {
        List<Key> sorted = new ArrayList<>(keys);
        sorted.sort(Comparator.comparing(Key::createdAt).thenComparing(Key::id).reversed());
        String next = null;
        if (sorted.size() > n) {
            sorted = sorted.subList(0, n);
            Key last = sorted.getLast();
            next = new Cursor(last.createdAt().toString(), last.id()).encode();
        }
        List<Post> list = posts.findAll(sorted.stream().map(Key::id).toList()).stream()
                .filter(p -> !p.deleted()).toList();
        return new StreamPage(pinned, views.views(viewer, list, false), next);
    }

    private static Key after(String cursor) {
        Cursor c = Cursor.decode(cursor);
        if (c == null) {
            return null;
        }
        try {
            return new Key(c.id(), Instant.parse(c.key()));
        } catch (DateTimeParseException e) {
            throw new DomainException.Invalid("cursor", "validation.cursor");
        }
    }
}

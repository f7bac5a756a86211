package de.kontor.stream.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stream queries: each returns post keys newest first by {@code (created_at, id)}, reading from the partial
 * indexes of V40 (see STACK.md "Home stream query at 1M posts"). A {@code floor} limits a branch to posts at least
 * as new as the given time; a {@link Key} {@code after} continues below a cursor.
 */
@Repository
public class StreamRepository {

    /** A post's sort key. */
    record Key(long id, Instant createdAt) {
    }

    /** Which posts a viewer may read, for branches that are not limited to known readable spaces. */
    record Readable(Collection<Long> spaces, Collection<Long> muted, boolean profiles) {
        Long[] spaceArray() {
            return spaces.toArray(Long[]::new);
        }

        Long[] mutedArray() {
            return muted.toArray(Long[]::new);
        }
    }

    /**
     * The "only unread" filter: posts of others that the person has not opened or answered and that are newer than
     * their "mark all as read" watermark ({@link Instant#EPOCH} when they never set one).
     */
    record Unread(long userId, Instant watermark) {
    }

    private static final String VISIBLE = """
            ((x.space_id = any(:readable) and not x.space_id = any(:muted)) or (x.space_id is null and :profiles))""";

    private final JdbcClient jdbc;

    StreamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The newest posts of the given spaces (one index range per space, merged), plus profile posts when asked;
     * pinned posts are left out when {@code unpinnedOnly} (the space stream shows them separately on top).
     */
    List<Key> bySpaces(Collection<Long> spaceIds, boolean profiles, boolean unpinnedOnly, Key after, Unread unread,
                       int limit) {
        String page = after == null ? "" : " and (x.created_at, x.id) < (:at, :cid)";
        String pin = unpinnedOnly ? " and x.pinned_at is null" : "";
        String filter = unreadPosts(unread);
        String profileBranch = !profiles ? "" : """
                 union all
                (select x.id, x.created_at from posts x
                 where x.space_id is null and x.deleted_at is null""" + " " + filter + page + " " + """
                 order by x.created_at desc, x.id desc limit :limit)""";
        var spec = jdbc.sql("""
                        select id, created_at from (
                        (select p.id, p.created_at from unnest(cast(:spaces as bigint[])) s(id)
                         cross join lateral (select x.id, x.created_at from posts x
                                             where x.space_id = s.id and x.deleted_at is null""" + " " + pin
                        + filter + page + " " + """
                                             order by x.created_at desc, x.id desc limit :limit) p)""" + " "
                        + profileBranch + " " + """
                        ) k order by created_at desc, id desc limit :limit""")
                .param("spaces", spaceIds.toArray(Long[]::new)).param("limit", limit);
        return keys(unread(page(spec, after), unread));
    }

    /** Posts of the given authors that the viewer may read. */
    List<Key> byAuthors(Collection<Long> authors, Readable r, Instant floor, Key after, Unread unread, int limit) {
        if (authors.isEmpty()) {
            return List.of();
        }
        String page = after == null ? "" : " and (x.created_at, x.id) < (:at, :cid)";
        String min = floor == null ? "" : " and x.created_at >= :floor";
        var spec = jdbc.sql("""
                        select p.id, p.created_at from unnest(cast(:authors as bigint[])) a(id)
                        cross join lateral (select x.id, x.created_at from posts x
                                            where x.author_id = a.id and x.deleted_at is null and """ + " " + VISIBLE
                        + min + unreadPosts(unread) + page + " " + """
                                            order by x.created_at desc, x.id desc limit :limit) p
                        order by p.created_at desc, p.id desc limit :limit""")
                .param("authors", authors.toArray(Long[]::new));
        return keys(unread(page(visible(spec, r, floor, limit), after), unread));
    }

    /** Posts with any of the given tags that the viewer may read. */
    List<Key> byTags(Collection<String> tags, Readable r, Instant floor, Key after, Unread unread, int limit) {
        if (tags.isEmpty()) {
            return List.of();
        }
        String page = after == null ? "" : " and (x.created_at, x.post_id) < (:at, :cid)";
        String min = floor == null ? "" : " and x.created_at >= :floor";
        var spec = jdbc.sql("""
                        select distinct p.post_id as id, p.created_at from unnest(cast(:tags as text[])) t(tag)
                        cross join lateral (select x.post_id, x.created_at from post_tags x
                                            where x.tag = t.tag and x.deleted_at is null and """ + " " + VISIBLE
                        + min + unreadRefs(unread) + page + " " + """
                                            order by x.created_at desc, x.post_id desc limit :limit) p
                        order by p.created_at desc, id desc limit :limit""")
                .param("tags", tags.toArray(String[]::new));
        return keys(unread(page(visible(spec, r, floor, limit), after), unread));
    }

    /** Posts (or their comments) that mention the user and that the user may read. */
    List<Key> byMention(long userId, Readable r, Instant floor, Key after, Unread unread, int limit) {
        String page = after == null ? "" : " and (x.created_at, x.post_id) < (:at, :cid)";
        String min = floor == null ? "" : " and x.created_at >= :floor";
        var spec = jdbc.sql("""
                        select distinct x.post_id as id, x.created_at from mentions x
                        where x.user_id = :u and x.deleted_at is null and """ + " " + VISIBLE + min
                        + unreadRefs(unread) + page + " " + """
                         order by x.created_at desc, id desc limit :limit""")
                .param("u", userId);
        return keys(unread(page(visible(spec, r, floor, limit), after), unread));
    }

    /** The pinned posts of a space, most recently pinned first. */
    List<Long> pinned(long spaceId) {
        return jdbc.sql("""
                        select id from posts where space_id = :s and pinned_at is not null and deleted_at is null
                        order by pinned_at desc, id desc limit 20""")
                .param("s", spaceId).query(Long.class).list();
    }

    public record TagCount(String tag, int count) {
    }

    /** The most used tags since the given time, counting only posts the viewer may read. */
    List<TagCount> trending(Readable r, Instant since, int limit) {
        return jdbc.sql("""
                        select x.tag, count(*) as n from post_tags x
                        where x.created_at >= :since and x.deleted_at is null and """ + " " + VISIBLE + " " + """
                         group by x.tag order by n desc, x.tag limit :limit""")
                .param("since", Timestamp.from(since)).param("readable", r.spaceArray())
                .param("muted", new Long[0]).param("profiles", r.profiles()).param("limit", limit)
                .query((rs, n) -> new TagCount(rs.getString("tag"), rs.getInt("n"))).list();
    }

    private static JdbcClient.StatementSpec visible(JdbcClient.StatementSpec spec, Readable r, Instant floor,
                                                    int limit) {
        spec = spec.param("readable", r.spaceArray()).param("muted", r.mutedArray()).param("profiles", r.profiles())
                .param("limit", limit);
        return floor == null ? spec : spec.param("floor", Timestamp.from(floor));
    }

    /** The unread predicate for a branch over {@code posts x}. */
    private static String unreadPosts(Unread unread) {
        return unread == null ? "" : " and x.author_id <> :me and x.created_at > :watermark"
                + " and not exists (select 1 from post_reads r where r.user_id = :me and r.post_id = x.id)";
    }

    /**
     * The unread predicate for a branch over {@code post_tags} or {@code mentions} ({@code x.post_id}): these carry
     * no author, so the own-post check reads the post by its primary key.
     */
    private static String unreadRefs(Unread unread) {
        return unread == null ? "" : " and x.created_at > :watermark"
                + " and not exists (select 1 from posts o where o.id = x.post_id and o.author_id = :me)"
                + " and not exists (select 1 from post_reads r where r.user_id = :me and r.post_id = x.post_id)";
    }

    private static JdbcClient.StatementSpec unread(JdbcClient.StatementSpec spec, Unread unread) {
        return unread == null ? spec
                : spec.param("me", unread.userId()).param("watermark", Timestamp.from(unread.watermark()));
    }

    private static JdbcClient.StatementSpec page(JdbcClient.StatementSpec spec, Key after) {
        return after == null ? spec : spec.param("at", Timestamp.from(after.createdAt())).param("cid", after.id());
    }

    private static List<Key> keys(JdbcClient.StatementSpec spec) {
        return spec.query((rs, n) -> new Key(rs.getLong("id"), rs.getTimestamp("created_at").toInstant())).list();
    }
}

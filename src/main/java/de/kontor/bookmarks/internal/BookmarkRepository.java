package de.kontor.bookmarks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for bookmarks and their tags. */
@Repository
class BookmarkRepository {

    private static final String COLUMNS = "b.id, b.owner_id, b.space_id, b.url, b.url_key, b.title, b.note, "
            + "b.created_at, b.updated_at";

    /** One save of a link that another person may see ("who else saved it"). */
    record Save(long bookmarkId, long ownerId, long spaceId, Instant createdAt) {
    }

    /** A link with how many people saved it in the period. */
    record Popular(String urlKey, String url, String title, int people, List<String> tags) {
    }

    private final JdbcClient jdbc;

    BookmarkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(long ownerId, String urlKey, Long spaceId, Long exceptId) {
        return jdbc.sql("""
                        select exists (select 1 from bookmarks where owner_id = :o and url_key = :k
                            and coalesce(space_id, 0) = coalesce(cast(:s as bigint), 0) and id <> :except)""")
                .param("o", ownerId).param("k", urlKey).param("s", spaceId)
                .param("except", exceptId == null ? 0L : exceptId).query(Boolean.class).single();
    }

    long insert(long ownerId, Long spaceId, String url, String urlKey, String title, String note, Instant createdAt) {
        return jdbc.sql("""
                        insert into bookmarks (owner_id, space_id, url, url_key, title, note, created_at, updated_at)
                        values (:o, :s, :u, :k, :t, :n, :at, :at) returning id""")
                .param("o", ownerId).param("s", spaceId).param("u", url).param("k", urlKey).param("t", title)
                .param("n", note).param("at", Timestamp.from(createdAt)).query(Long.class).single();
    }

    void update(long id, Long spaceId, String url, String urlKey, String title, String note) {
        jdbc.sql("""
                        update bookmarks set space_id = :s, url = :u, url_key = :k, title = :t, note = :n,
                            updated_at = now() where id = :id""")
                .param("id", id).param("s", spaceId).param("u", url).param("k", urlKey).param("t", title)
                .param("n", note).update();
    }

    void replaceTags(long id, List<String> tags) {
        jdbc.sql("delete from bookmark_tags where bookmark_id = :id").param("id", id).update();
        for (String tag : tags) {
            jdbc.sql("insert into bookmark_tags (bookmark_id, tag) values (:id, :t)").param("id", id).param("t", tag)
                    .update();
        }
    }

    void delete(long id) {
        jdbc.sql("delete from bookmarks where id = :id").param("id", id).update();
    }

    Optional<Bookmark> find(long id) {
        return withTags(jdbc.sql("select " + COLUMNS + " from bookmarks b where b.id = :id").param("id", id)
                .query(BookmarkRepository::bookmark).list()).stream().findFirst();
    }

    /** One page of the owner's bookmarks (private and in spaces), newest first. */
    List<Bookmark> byOwner(long ownerId, String tag, Instant beforeAt, long beforeId, int limit) {
        return withTags(jdbc.sql("select " + COLUMNS + " from bookmarks b where b.owner_id = :o"
                        + tagClause(tag) + " and (b.created_at, b.id) < (:at, :id)"
                        + " order by b.created_at desc, b.id desc limit :limit")
                .param("o", ownerId).param("tag", tag).param("at", Timestamp.from(beforeAt)).param("id", beforeId)
                .param("limit", limit).query(BookmarkRepository::bookmark).list());
    }

    List<Bookmark> bySpace(long spaceId, String tag, Instant beforeAt, long beforeId, int limit) {
        return withTags(jdbc.sql("select " + COLUMNS + " from bookmarks b where b.space_id = :s"
                        + tagClause(tag) + " and (b.created_at, b.id) < (:at, :id)"
                        + " order by b.created_at desc, b.id desc limit :limit")
                .param("s", spaceId).param("tag", tag).param("at", Timestamp.from(beforeAt)).param("id", beforeId)
                .param("limit", limit).query(BookmarkRepository::bookmark).list());
    }

    /** Every bookmark of the owner, oldest first (export). */
    List<Bookmark> allOf(long ownerId) {
        return withTags(jdbc.sql("select " + COLUMNS + " from bookmarks b where b.owner_id = :o "
                        + "order by b.created_at, b.id")
                .param("o", ownerId).query(BookmarkRepository::bookmark).list());
    }

    /** The owner's tags with how often each is used, most used first. */
    List<Map.Entry<String, Integer>> ownerTags(long ownerId, int limit) {
        return jdbc.sql("""
                        select t.tag, count(*) as n from bookmark_tags t join bookmarks b on b.id = t.bookmark_id
                        where b.owner_id = :o group by t.tag order by n desc, t.tag limit :limit""")
                .param("o", ownerId).param("limit", limit)
                .query((rs, n) -> Map.entry(rs.getString("tag"), rs.getInt("n"))).list();
    }

    /** Saves of the link in the given spaces by other people than {@code exceptOwner}, newest first. */
    List<Save> savesInSpaces(String urlKey, Collection<Long> spaceIds, long exceptOwner) {
        if (spaceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, owner_id, space_id, created_at from bookmarks
                        where url_key = :k and space_id = any(:spaces) and owner_id <> :o
                        order by created_at desc, id desc limit 50""")
                .param("k", urlKey).param("spaces", spaceIds.toArray(Long[]::new)).param("o", exceptOwner)
                .query((rs, n) -> new Save(rs.getLong("id"), rs.getLong("owner_id"), rs.getLong("space_id"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Links saved in the given spaces within [from, to), by the number of people who saved them. */
    List<Popular> popular(Collection<Long> spaceIds, String tag, Instant from, Instant to, int limit) {
        if (spaceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select b.url_key, (array_agg(b.url order by b.created_at, b.id))[1] as url,
                               (array_agg(b.title order by b.created_at, b.id))[1] as title,
                               count(distinct b.owner_id) as people,
                               array_remove(array_agg(distinct t.tag), null) as tags
                        from bookmarks b left join bookmark_tags t on t.bookmark_id = b.id
                        where b.space_id = any(:spaces) and b.created_at >= :from and b.created_at < :to
                        """ + tagClause(tag) + """
                         group by b.url_key order by people desc, max(b.created_at) desc limit :limit""")
                .param("spaces", spaceIds.toArray(Long[]::new)).param("tag", tag)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("limit", limit)
                .query((rs, n) -> new Popular(rs.getString("url_key"), rs.getString("url"), rs.getString("title"),
                        rs.getInt("people"), List.of((String[]) rs.getArray("tags").getArray())))
                .list();
    }

    /** The tags used in the given spaces within [from, to), most used first. */
    List<Map.Entry<String, Integer>> popularTags(Collection<Long> spaceIds, Instant from, Instant to, int limit) {
        if (spaceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select t.tag, count(distinct b.url_key) as n
                        from bookmark_tags t join bookmarks b on b.id = t.bookmark_id
                        where b.space_id = any(:spaces) and b.created_at >= :from and b.created_at < :to
                        group by t.tag order by n desc, t.tag limit :limit""")
                .param("spaces", spaceIds.toArray(Long[]::new)).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).param("limit", limit)
                .query((rs, n) -> Map.entry(rs.getString("tag"), rs.getInt("n"))).list();
    }

    private static String tagClause(String tag) {
        return tag == null ? ""
                : " and exists (select 1 from bookmark_tags x where x.bookmark_id = b.id and x.tag = :tag)";
    }

    private List<Bookmark> withTags(List<Bookmark> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("select bookmark_id, tag from bookmark_tags where bookmark_id = any(:ids) order by tag")
                .param("ids", rows.stream().map(Bookmark::id).toArray(Long[]::new))
                .query((rs, n) -> tags.computeIfAbsent(rs.getLong("bookmark_id"), k -> new ArrayList<>())
                        .add(rs.getString("tag")))
                .list();
        return rows.stream().map(b -> b.withTags(tags.getOrDefault(b.id(), List.of()))).toList();
    }

    private static Bookmark bookmark(ResultSet rs, int n) throws SQLException {
        return new Bookmark(rs.getLong("id"), rs.getLong("owner_id"), (Long) rs.getObject("space_id"),
                rs.getString("url"), rs.getString("url_key"), rs.getString("title"), rs.getString("note"), List.of(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}

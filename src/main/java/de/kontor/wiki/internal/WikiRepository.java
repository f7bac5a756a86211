package de.kontor.wiki.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for pages, revisions, links and labels. */
@Repository
class WikiRepository {

    private static final String PAGE = """
            select p.id, p.space_id, p.parent_id, p.title, p.position, p.restricted, p.current_revision_id,
                   r.body, p.created_by, p.created_at, p.updated_by, p.updated_at
            from wiki_pages p join wiki_revisions r on r.id = p.current_revision_id
            """;
    private static final String REVISION = "select id, page_id, title, body, note, author_id, created_at "
            + "from wiki_revisions ";

    /** A flat row of the tree before it is nested. */
    record Flat(long id, Long parentId, String title, int position, boolean restricted, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    WikiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // pages

    Optional<WikiPage> find(long id) {
        return jdbc.sql(PAGE + " where p.id = :id").param("id", id).query(WikiRepository::page).optional();
    }

    Optional<WikiPage> findLocked(long id) {
        return jdbc.sql(PAGE + " where p.id = :id for update of p").param("id", id).query(WikiRepository::page)
                .optional();
    }

    /** The page with that title among the parent's children (top level for null). */
    Optional<WikiPage> findSibling(long spaceId, Long parentId, String title) {
        return jdbc.sql(PAGE + """
                         where p.space_id = :s and coalesce(p.parent_id, 0) = coalesce(:parent, 0)
                           and lower(p.title) = lower(:t)""")
                .param("s", spaceId).param("parent", parentId).param("t", title)
                .query(WikiRepository::page).optional();
    }

    /** Ids of the pages titled so in the space, lowest id first (a [[link]] goes to the oldest page). */
    Map<String, Long> idsByTitle(long spaceId, Collection<String> lowerTitles) {
        Map<String, Long> ids = new HashMap<>();
        if (lowerTitles.isEmpty()) {
            return ids;
        }
        jdbc.sql("""
                        select distinct on (lower(title)) lower(title) as t, id from wiki_pages
                        where space_id = :s and lower(title) = any(:titles) order by lower(title), id""")
                .param("s", spaceId).param("titles", lowerTitles.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString("t"), rs.getLong("id"))).list()
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    long insertPage(long spaceId, Long parentId, String title, boolean restricted, long authorId) {
        return jdbc.sql("""
                        insert into wiki_pages (space_id, parent_id, title, position, restricted, created_by,
                                                updated_by)
                        values (:s, :parent, :t,
                                (select coalesce(max(position) + 1, 0) from wiki_pages
                                 where space_id = :s and coalesce(parent_id, 0) = coalesce(:parent, 0)),
                                :r, :a, :a)
                        returning id""")
                .param("s", spaceId).param("parent", parentId).param("t", title).param("r", restricted)
                .param("a", authorId).query(Long.class).single();
    }

    long insertRevision(long pageId, String title, String body, String note, long authorId) {
        long rev = jdbc.sql("""
                        insert into wiki_revisions (page_id, title, body, note, author_id)
                        values (:p, :t, :b, :n, :a) returning id""")
                .param("p", pageId).param("t", title).param("b", body).param("n", note).param("a", authorId)
                .query(Long.class).single();
        jdbc.sql("""
                        update wiki_pages set current_revision_id = :r, title = :t, updated_by = :a, updated_at = now()
                        where id = :p""")
                .param("r", rev).param("t", title).param("a", authorId).param("p", pageId).update();
        return rev;
    }

    void setRestricted(long pageId, boolean restricted) {
        jdbc.sql("update wiki_pages set restricted = :r where id = :p").param("r", restricted).param("p", pageId)
                .update();
    }

    void move(long pageId, Long parentId, int position) {
        jdbc.sql("update wiki_pages set parent_id = :parent, position = :pos where id = :p")
                .param("parent", parentId).param("pos", position).param("p", pageId).update();
    }

    /** Gives the parent's children the positions 0..n-1 in the order of the ids. */
    void renumber(List<Long> orderedIds) {
        for (int i = 0; i < orderedIds.size(); i++) {
            jdbc.sql("update wiki_pages set position = :pos where id = :p").param("pos", i)
                    .param("p", orderedIds.get(i)).update();
        }
    }

    void delete(long pageId) {
        jdbc.sql("delete from wiki_pages where id = :p").param("p", pageId).update();
    }

    /** The page's ancestors, root first. */
    List<TreeNode> ancestors(long pageId) {
        return jdbc.sql("""
                        with recursive up as (
                            select id, parent_id, title, position, restricted, updated_at, 0 as depth
                            from wiki_pages where id = (select parent_id from wiki_pages where id = :p)
                            union all
                            select w.id, w.parent_id, w.title, w.position, w.restricted, w.updated_at, up.depth + 1
                            from wiki_pages w join up on w.id = up.parent_id)
                        select id, parent_id, title, position, restricted, updated_at from up order by depth desc""")
                .param("p", pageId).query(WikiRepository::node).list();
    }

    /** Ids of the page and all pages below it. */
    Set<Long> subtreeIds(long pageId) {
        return Set.copyOf(jdbc.sql("""
                        with recursive down as (
                            select id from wiki_pages where id = :p
                            union all
                            select w.id from wiki_pages w join down on w.parent_id = down.id)
                        select id from down""")
                .param("p", pageId).query(Long.class).list());
    }

    List<Long> childIds(long spaceId, Long parentId) {
        return jdbc.sql("""
                        select id from wiki_pages where space_id = :s and coalesce(parent_id, 0) = coalesce(:parent, 0)
                        order by position, id""")
                .param("s", spaceId).param("parent", parentId).query(Long.class).list();
    }

    /** Every page of the space as a nested tree, top-level pages first in their order. */
    List<TreeNode> tree(long spaceId) {
        List<Flat> flat = jdbc.sql("""
                        select id, parent_id, title, position, restricted, updated_at from wiki_pages
                        where space_id = :s order by position, lower(title), id""")
                .param("s", spaceId).query(WikiRepository::flat).list();
        Map<Long, List<Flat>> byParent = new LinkedHashMap<>();
        for (Flat f : flat) {
            byParent.computeIfAbsent(f.parentId() == null ? 0L : f.parentId(), k -> new ArrayList<>()).add(f);
        }
        return nest(byParent, 0L);
    }

    private static List<TreeNode> nest(Map<Long, List<Flat>> byParent, long parent) {
        List<TreeNode> nodes = new ArrayList<>();
        for (Flat f : byParent.getOrDefault(parent, List.of())) {
            nodes.add(new TreeNode(f.id(), f.parentId(), f.title(), f.position(), f.restricted(), f.updatedAt(),
                    nest(byParent, f.id())));
        }
        return nodes;
    }

    /** The most recently changed pages of the given spaces, newest first. */
    List<WikiPage> recent(Collection<Long> spaceIds, int limit) {
        if (spaceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(PAGE + " where p.space_id = any(:s) order by p.updated_at desc, p.id desc limit :l")
                .param("s", spaceIds.toArray(Long[]::new)).param("l", limit).query(WikiRepository::page).list();
    }

    /** One page of the space's pages, most recently changed first, keyset-paginated on (updated_at, id). */
    List<WikiPage> changed(long spaceId, Instant beforeTime, Long beforeId, int limit) {
        String after = beforeTime == null ? "" : " and (p.updated_at, p.id) < (:t, :id)";
        var spec = jdbc.sql(PAGE + " where p.space_id = :s" + after + " order by p.updated_at desc, p.id desc limit :l")
                .param("s", spaceId).param("l", limit);
        if (beforeTime != null) {
            spec = spec.param("t", java.sql.Timestamp.from(beforeTime)).param("id", beforeId);
        }
        return spec.query(WikiRepository::page).list();
    }

    // revisions

    List<WikiRevision> revisions(long pageId) {
        return jdbc.sql(REVISION + " where page_id = :p order by id desc").param("p", pageId)
                .query(WikiRepository::revision).list();
    }

    Optional<WikiRevision> revision(long pageId, long revisionId) {
        return jdbc.sql(REVISION + " where page_id = :p and id = :r").param("p", pageId).param("r", revisionId)
                .query(WikiRepository::revision).optional();
    }

    // links and labels

    void replaceLinks(long pageId, long spaceId, Collection<String> lowerTitles) {
        jdbc.sql("delete from wiki_links where page_id = :p").param("p", pageId).update();
        for (String t : lowerTitles) {
            jdbc.sql("insert into wiki_links (page_id, space_id, to_title) values (:p, :s, :t) on conflict do nothing")
                    .param("p", pageId).param("s", spaceId).param("t", t).update();
        }
    }

    /** Pages of the space that link to the title, by title. */
    List<TreeNode> backlinks(long spaceId, String title, long exceptPageId) {
        return jdbc.sql("""
                        select p.id, p.parent_id, p.title, p.position, p.restricted, p.updated_at
                        from wiki_links l join wiki_pages p on p.id = l.page_id
                        where l.space_id = :s and l.to_title = lower(:t) and p.id <> :except
                        order by lower(p.title), p.id""")
                .param("s", spaceId).param("t", title).param("except", exceptPageId)
                .query(WikiRepository::node).list();
    }

    void replaceLabels(long pageId, long spaceId, Collection<String> labels) {
        jdbc.sql("delete from wiki_labels where page_id = :p").param("p", pageId).update();
        for (String l : labels) {
            jdbc.sql("insert into wiki_labels (page_id, space_id, label) values (:p, :s, :l) on conflict do nothing")
                    .param("p", pageId).param("s", spaceId).param("l", l).update();
        }
    }

    List<String> labels(long pageId) {
        return jdbc.sql("select label from wiki_labels where page_id = :p order by label").param("p", pageId)
                .query(String.class).list();
    }

    /** Labels of the space with the number of pages carrying each. */
    Map<String, Integer> labelCounts(long spaceId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("select label, count(*) as n from wiki_labels where space_id = :s group by label order by label")
                .param("s", spaceId).query((rs, n) -> Map.entry(rs.getString("label"), rs.getInt("n"))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    List<WikiPage> withLabel(long spaceId, String label) {
        return jdbc.sql(PAGE + """
                         join wiki_labels l on l.page_id = p.id
                         where l.space_id = :s and l.label = :l order by lower(p.title), p.id""")
                .param("s", spaceId).param("l", label).query(WikiRepository::page).list();
    }

    // mapping

    private static WikiPage page(ResultSet rs, int n) throws SQLException {
        return new WikiPage(rs.getLong("id"), rs.getLong("space_id"), (Long) rs.getObject("parent_id", Long.class),
                rs.getString("title"), rs.getInt("position"), rs.getBoolean("restricted"),
                rs.getLong("current_revision_id"), rs.getString("body"), rs.getObject("created_by", Long.class),
                instant(rs, "created_at"), rs.getObject("updated_by", Long.class), instant(rs, "updated_at"));
    }

    private static WikiRevision revision(ResultSet rs, int n) throws SQLException {
        return new WikiRevision(rs.getLong("id"), rs.getLong("page_id"), rs.getString("title"), rs.getString("body"),
                rs.getString("note"), rs.getObject("author_id", Long.class), instant(rs, "created_at"));
    }

    private static Flat flat(ResultSet rs, int n) throws SQLException {
        return new Flat(rs.getLong("id"), rs.getObject("parent_id", Long.class), rs.getString("title"),
                rs.getInt("position"), rs.getBoolean("restricted"), instant(rs, "updated_at"));
    }

    private static TreeNode node(ResultSet rs, int n) throws SQLException {
        Flat f = flat(rs, n);
        return new TreeNode(f.id(), f.parentId(), f.title(), f.position(), f.restricted(), f.updatedAt(), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

package de.kontor.spaces.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.kontor.shared.Cursor;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.SpaceRole;
import de.kontor.spaces.Visibility;

/** SQL for the {@code spaces} table, always read together with the viewer's relation to each space. */
@Repository
public class SpaceRepository {

    /** Which spaces a list shows; all of them are limited to what the viewer may see. */
    public enum Scope {
        /** Spaces the viewer is a member of. */
        MINE,
        /** Visible spaces the viewer is not a member of. */
        DISCOVER,
        /** Public spaces the viewer is not a member of (the "spaces to join" suggestion). */
        JOINABLE,
        /** Everything the viewer may see. */
        VISIBLE
    }

    private static final String SELECT = """
            select s.id, s.name, s.description, s.visibility, s.archived_at, s.created_at,
                   (select count(*) from space_members m where m.space_id = s.id) as member_count,
                   exists (select 1 from space_members m where m.space_id = s.id and m.guest) as external,
                   (select m.role from space_members m where m.space_id = s.id and m.user_id = :viewer) as my_role,
                   exists (select 1 from space_invitations i
                           where i.space_id = s.id and i.user_id = :viewer) as invited,
                   exists (select 1 from space_join_requests r
                           where r.space_id = s.id and r.user_id = :viewer) as requested
            from spaces s
            """;
    private static final String IS_MEMBER =
            "exists (select 1 from space_members m where m.space_id = s.id and m.user_id = :viewer)";
    private static final String IS_INVITED =
            "exists (select 1 from space_invitations i where i.space_id = s.id and i.user_id = :viewer)";
    /** Mirrors {@code VisibilityPolicy.decide(...).see()} in SQL; the matrix test keeps both in step. */
    private static final String VISIBLE = "(:admin or " + IS_MEMBER + " or " + IS_INVITED
            + " or (not :guest and s.visibility <> 'SECRET'))";
    /** Mirrors {@code VisibilityPolicy.decide(...).read()} in SQL. */
    private static final String READABLE = "(:admin or " + IS_MEMBER
            + " or (not :guest and s.visibility = 'PUBLIC'))";

    private final JdbcClient jdbc;

    public SpaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What an access decision needs, without the counts of {@link #find}: one index probe per part. */
    public record AccessRow(Visibility visibility, boolean archived, SpaceRole myRole, boolean invited) {
    }

    public Optional<AccessRow> accessRow(long id, long viewerId) {
        return jdbc.sql("""
                        select s.visibility, s.archived_at is not null as archived,
                               (select m.role from space_members m where m.space_id = s.id and m.user_id = :viewer) as my_role,
                               exists (select 1 from space_invitations i
                                       where i.space_id = s.id and i.user_id = :viewer) as invited
                        from spaces s where s.id = :id""")
                .param("id", id).param("viewer", viewerId)
                .query((rs, n) -> new AccessRow(Visibility.valueOf(rs.getString("visibility")),
                        rs.getBoolean("archived"),
                        rs.getString("my_role") == null ? null : SpaceRole.valueOf(rs.getString("my_role")),
                        rs.getBoolean("invited")))
                .optional();
    }

    /** The visibility of a space and the members a reader decision needs (all, or only the guests). */
    public record ReaderRow(Visibility visibility, Set<Long> members) {
    }

    public Optional<ReaderRow> readerRow(long id) {
        Optional<Visibility> visibility = jdbc.sql("select visibility from spaces where id = :id").param("id", id)
                .query((rs, n) -> Visibility.valueOf(rs.getString(1))).optional();
        return visibility.map(v -> new ReaderRow(v, new HashSet<>(jdbc.sql(v == Visibility.PUBLIC
                        ? "select user_id from space_members where space_id = :id and guest"
                        : "select user_id from space_members where space_id = :id")
                .param("id", id).query(Long.class).list())));
    }

    public Optional<Space> find(long id, long viewerId) {
        return jdbc.sql(SELECT + "where s.id = :id").param("id", id).param("viewer", viewerId)
                .query(SpaceRepository::space).optional();
    }

    /** Locks the space row so that concurrent membership changes cannot leave it without an owner. */
    public void lock(long id) {
        jdbc.sql("select id from spaces where id = :id for update").param("id", id).query(Long.class).optional();
    }

    public List<Space> list(long viewerId, boolean admin, boolean guest, Scope scope, String nameFilter,
                            Cursor after, int limit) {
        String where = switch (scope) {
            case MINE -> IS_MEMBER;
            case DISCOVER -> VISIBLE + " and not " + IS_MEMBER;
            case JOINABLE -> "not :guest and s.visibility = 'PUBLIC' and s.archived_at is null and not " + IS_MEMBER;
            case VISIBLE -> VISIBLE;
        };
        String filter = nameFilter == null || nameFilter.isBlank() ? "" : " and lower(s.name) like :q escape '\\'";
        String page = after == null ? "" : " and (lower(s.name), s.id) > (lower(:k), :cid)";
        var spec = jdbc.sql(SELECT + "where " + where + filter + page + " order by lower(s.name), s.id limit :limit")
                .param("viewer", viewerId).param("admin", admin).param("guest", guest).param("limit", limit);
        if (!filter.isEmpty()) {
            spec = spec.param("q", "%" + escapeLike(nameFilter.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (after != null) {
            spec = spec.param("k", after.key()).param("cid", after.id());
        }
        return spec.query(SpaceRepository::space).list();
    }

    public Set<Long> readableIds(long viewerId, boolean admin, boolean guest) {
        return new HashSet<>(jdbc.sql("select s.id from spaces s where " + READABLE)
                .param("viewer", viewerId).param("admin", admin).param("guest", guest)
                .query(Long.class).list());
    }

    /** Mirrors {@code VisibilityPolicy.decide(...).see()}: every space the viewer knows exists. */
    public Set<Long> visibleIds(long viewerId, boolean admin, boolean guest) {
        return new HashSet<>(jdbc.sql("select s.id from spaces s where " + VISIBLE)
                .param("viewer", viewerId).param("admin", admin).param("guest", guest)
                .query(Long.class).list());
    }

    /** Spaces with their description, by id, starting after {@code afterId} (or exactly {@code onlyId}). */
    public List<SpaceDirectory.SpaceText> texts(long afterId, Long onlyId, int limit) {
        return jdbc.sql("""
                        select id, name, description, visibility, archived_at, created_at from spaces
                        where id > :after and (cast(:only as bigint) is null or id = :only)
                        order by id limit :limit""")
                .param("after", afterId).param("only", onlyId).param("limit", limit)
                .query((rs, n) -> new SpaceDirectory.SpaceText(rs.getLong("id"), rs.getString("name"),
                        rs.getString("description"), Visibility.valueOf(rs.getString("visibility")),
                        rs.getTimestamp("archived_at") != null, rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("""
                        select exists (select 1 from spaces
                                       where lower(name) = lower(:n) and (cast(:except as bigint) is null or id <> :except))""")
                .param("n", name.strip()).param("except", exceptId).query(Boolean.class).single();
    }

    public long create(String name, String description, Visibility visibility, long createdBy) {
        return jdbc.sql("""
                        insert into spaces (name, description, visibility, created_by)
                        values (:n, :d, :v, :by) returning id""")
                .param("n", name.strip()).param("d", description.strip()).param("v", visibility.name())
                .param("by", createdBy).query(Long.class).single();
    }

    public void update(long id, String name, String description, Visibility visibility) {
        jdbc.sql("""
                        update spaces set name = :n, description = :d, visibility = :v, updated_at = now()
                        where id = :id""")
                .param("n", name.strip()).param("d", description.strip()).param("v", visibility.name())
                .param("id", id).update();
    }

    public void setArchived(long id, boolean archived) {
        jdbc.sql("""
                        update spaces set archived_at = case when :a then now() end, updated_at = now()
                        where id = :id""")
                .param("a", archived).param("id", id).update();
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Space space(ResultSet rs, int row) throws SQLException {
        String role = rs.getString("my_role");
        return new Space(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                Visibility.valueOf(rs.getString("visibility")), instant(rs, "archived_at"),
                instant(rs, "created_at"), rs.getInt("member_count"), rs.getBoolean("external"),
                role == null ? null : SpaceRole.valueOf(role), rs.getBoolean("invited"), rs.getBoolean("requested"));
    }

    // Lookups for SpaceDirectory (other modules' labels and memberships)

    public java.util.Map<Long, de.kontor.spaces.SpaceDirectory.SpaceRef> refs(java.util.Collection<Long> ids) {
        java.util.Map<Long, de.kontor.spaces.SpaceDirectory.SpaceRef> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, name, visibility, archived_at from spaces where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query(SpaceRepository::ref).list().forEach(r -> out.put(r.id(), r));
        return out;
    }

    /** The space with this name, compared case-insensitively like the unique index does. */
    public java.util.Optional<de.kontor.spaces.SpaceDirectory.SpaceRef> refByName(String name) {
        return jdbc.sql("select id, name, visibility, archived_at from spaces where lower(name) = lower(:n)")
                .param("n", name.strip()).query(SpaceRepository::ref).optional();
    }

    public List<de.kontor.spaces.SpaceDirectory.SpaceRef> memberRefs(long userId) {
        return jdbc.sql("""
                        select s.id, s.name, s.visibility, s.archived_at from spaces s
                        join space_members m on m.space_id = s.id and m.user_id = :u
                        order by lower(s.name), s.id""")
                .param("u", userId).query(SpaceRepository::ref).list();
    }

    public Set<Long> publicIds() {
        return new HashSet<>(jdbc.sql("select id from spaces where visibility = 'PUBLIC'").query(Long.class).list());
    }

    public Set<Long> memberIds(long spaceId) {
        return new HashSet<>(jdbc.sql("select user_id from space_members where space_id = :s")
                .param("s", spaceId).query(Long.class).list());
    }

    private static de.kontor.spaces.SpaceDirectory.SpaceRef ref(java.sql.ResultSet rs, int row)
            throws java.sql.SQLException {
        return new de.kontor.spaces.SpaceDirectory.SpaceRef(rs.getLong("id"), rs.getString("name"),
                Visibility.valueOf(rs.getString("visibility")), rs.getTimestamp("archived_at") != null);
    }
}

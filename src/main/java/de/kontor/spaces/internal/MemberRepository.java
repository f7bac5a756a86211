package de.kontor.spaces.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.kontor.shared.Cursor;
import de.kontor.spaces.SpaceRole;

/** SQL for memberships, invitations and join requests. */
@Repository
public class MemberRepository {

    private final JdbcClient jdbc;

    public MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the copied guest flag in step with the person's company role. */
    public int setGuest(long userId, boolean guest) {
        return jdbc.sql("update space_members set guest = :g where user_id = :u and guest <> :g")
                .param("u", userId).param("g", guest).update();
    }

    public Optional<Member> find(long spaceId, long userId) {
        return jdbc.sql("select * from space_members where space_id = :s and user_id = :u")
                .param("s", spaceId).param("u", userId).query(MemberRepository::member).optional();
    }

    /** Members in the order they joined; keyset-paginated on (joined_at, user_id). */
    public List<Member> list(long spaceId, Cursor after, int limit) {
        String page = after == null ? "" : " and (joined_at, user_id) > (:t, :uid)";
        var spec = jdbc.sql("select * from space_members where space_id = :s" + page
                        + " order by joined_at, user_id limit :limit")
                .param("s", spaceId).param("limit", limit);
        if (after != null) {
            spec = spec.param("t", Timestamp.from(Instant.parse(after.key()))).param("uid", after.id());
        }
        return spec.query(MemberRepository::member).list();
    }

    /** Owners and moderators (for SpaceDirectory). */
    public List<Long> moderatorIds(long spaceId) {
        return jdbc.sql("select user_id from space_members where space_id = :s and role in ('OWNER', 'MODERATOR')")
                .param("s", spaceId).query(Long.class).list();
    }

    public void add(long spaceId, long userId, SpaceRole role, boolean guest) {
        jdbc.sql("""
                        insert into space_members (space_id, user_id, role, guest) values (:s, :u, :r, :g)
                        on conflict (space_id, user_id) do nothing""")
                .param("s", spaceId).param("u", userId).param("r", role.name()).param("g", guest).update();
    }

    public void remove(long spaceId, long userId) {
        jdbc.sql("delete from space_members where space_id = :s and user_id = :u")
                .param("s", spaceId).param("u", userId).update();
    }

    public void setRole(long spaceId, long userId, SpaceRole role) {
        jdbc.sql("update space_members set role = :r where space_id = :s and user_id = :u")
                .param("r", role.name()).param("s", spaceId).param("u", userId).update();
    }

    /** Demotes every owner except one person to moderator (an administrator handing a space to someone else). */
    public void demoteOwnersExcept(long spaceId, long keepUserId) {
        jdbc.sql("""
                        update space_members set role = 'MODERATOR'
                        where space_id = :s and role = 'OWNER' and user_id <> :u""")
                .param("s", spaceId).param("u", keepUserId).update();
    }

    public int ownerCount(long spaceId) {
        return jdbc.sql("select count(*) from space_members where space_id = :s and role = 'OWNER'")
                .param("s", spaceId).query(Integer.class).single();
    }

    // invitations

    public Optional<PendingUser> invitation(long spaceId, long userId) {
        return jdbc.sql(PENDING_INVITATIONS + " where i.space_id = :s and i.user_id = :u")
                .param("s", spaceId).param("u", userId).query(MemberRepository::pending).optional();
    }

    public List<PendingUser> invitationsOfSpace(long spaceId) {
        return jdbc.sql(PENDING_INVITATIONS + " where i.space_id = :s order by i.created_at, i.user_id")
                .param("s", spaceId).query(MemberRepository::pending).list();
    }

    public List<PendingUser> invitationsOfUser(long userId) {
        return jdbc.sql(PENDING_INVITATIONS + " where i.user_id = :u order by i.created_at desc, i.space_id")
                .param("u", userId).query(MemberRepository::pending).list();
    }

    public void invite(long spaceId, long userId, long invitedBy) {
        jdbc.sql("""
                        insert into space_invitations (space_id, user_id, invited_by) values (:s, :u, :by)
                        on conflict (space_id, user_id) do nothing""")
                .param("s", spaceId).param("u", userId).param("by", invitedBy).update();
    }

    public boolean deleteInvitation(long spaceId, long userId) {
        return jdbc.sql("delete from space_invitations where space_id = :s and user_id = :u")
                .param("s", spaceId).param("u", userId).update() == 1;
    }

    // join requests

    public Optional<PendingUser> request(long spaceId, long userId) {
        return jdbc.sql(PENDING_REQUESTS + " where r.space_id = :s and r.user_id = :u")
                .param("s", spaceId).param("u", userId).query(MemberRepository::pending).optional();
    }

    public List<PendingUser> requestsOfSpace(long spaceId) {
        return jdbc.sql(PENDING_REQUESTS + " where r.space_id = :s order by r.created_at, r.user_id")
                .param("s", spaceId).query(MemberRepository::pending).list();
    }

    /** Open requests in every space the user owns or moderates. */
    public List<PendingUser> requestsModeratedBy(long userId, int limit) {
        return jdbc.sql(PENDING_REQUESTS + """
                         join space_members m on m.space_id = r.space_id and m.user_id = :u
                                and m.role in ('OWNER', 'MODERATOR')
                        where s.archived_at is null
                        order by r.created_at, r.space_id, r.user_id limit :limit""")
                .param("u", userId).param("limit", limit).query(MemberRepository::pending).list();
    }

    public void addRequest(long spaceId, long userId, String message) {
        jdbc.sql("""
                        insert into space_join_requests (space_id, user_id, message) values (:s, :u, :m)
                        on conflict (space_id, user_id) do nothing""")
                .param("s", spaceId).param("u", userId).param("m", message == null ? "" : message.strip()).update();
    }

    public boolean deleteRequest(long spaceId, long userId) {
        return jdbc.sql("delete from space_join_requests where space_id = :s and user_id = :u")
                .param("s", spaceId).param("u", userId).update() == 1;
    }

    private static final String PENDING_INVITATIONS = """
            select i.space_id, s.name as space_name, i.user_id, i.invited_by, '' as message, i.created_at
            from space_invitations i join spaces s on s.id = i.space_id""";
    private static final String PENDING_REQUESTS = """
            select r.space_id, s.name as space_name, r.user_id, null::bigint as invited_by, r.message, r.created_at
            from space_join_requests r join spaces s on s.id = r.space_id""";

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getLong("space_id"), rs.getLong("user_id"), SpaceRole.valueOf(rs.getString("role")),
                rs.getBoolean("guest"), SpaceRepository.instant(rs, "joined_at"));
    }

    private static PendingUser pending(ResultSet rs, int row) throws SQLException {
        long by = rs.getLong("invited_by");
        return new PendingUser(rs.getLong("space_id"), rs.getString("space_name"), rs.getLong("user_id"),
                rs.wasNull() ? null : by, rs.getString("message"), SpaceRepository.instant(rs, "created_at"));
    }
}

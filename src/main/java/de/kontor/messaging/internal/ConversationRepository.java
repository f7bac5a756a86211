package de.kontor.messaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for conversations, participants, messages and idempotency keys. What a participant may read is limited here
 * in one place: a former participant ({@code left_at} set) reads messages up to the moment they left.
 */
@Repository
class ConversationRepository {

    /** Messages the participant row {@code p} may read. */
    private static final String READABLE_BY_P = "m.deleted_at is null and (p.left_at is null or m.created_at <= p.left_at)";

    private static final String MESSAGE_COLUMNS =
            "m.id, m.conversation_id, m.sender_id, m.body, m.body_html, m.created_at, m.edited_at";

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // conversations

    Optional<Conversation> find(long id) {
        return jdbc.sql("select * from conversations where id = :id").param("id", id)
                .query(ConversationRepository::conversation).optional();
    }

    Optional<Long> findDirect(String directKey) {
        return jdbc.sql("select id from conversations where direct_key = :k").param("k", directKey)
                .query(Long.class).optional();
    }

    /** Inserts a DIRECT conversation unless one exists for the key (a concurrent insert waits and then yields). */
    Optional<Long> insertDirect(String directKey, long createdBy) {
        return jdbc.sql("""
                        insert into conversations (kind, direct_key, created_by) values ('DIRECT', :k, :by)
                        on conflict (direct_key) do nothing returning id""")
                .param("k", directKey).param("by", createdBy).query(Long.class).optional();
    }

    long insertGroup(String title, long createdBy) {
        return jdbc.sql("insert into conversations (kind, title, created_by) values ('GROUP', :t, :by) returning id")
                .param("t", title).param("by", createdBy).query(Long.class).single();
    }

    /** My conversations, newest visible activity first (keyset on activity time and id). */
    List<ConversationRow> list(long userId, Instant afterAt, Long afterId, int limit) {
        return jdbc.sql("""
                        select c.*, p.conversation_id, p.user_id, p.joined_at, p.left_at, p.last_read_message_id, a.activity_at,
                               (select count(*) from messages m
                                where m.conversation_id = c.id and m.id > coalesce(p.last_read_message_id, 0)
                                  and m.sender_id is distinct from p.user_id and %s) as unread,
                               l.id as m_id, l.sender_id as m_sender_id, l.body as m_body, l.body_html as m_body_html,
                               l.created_at as m_created_at, l.edited_at as m_edited_at
                        from conversation_participants p
                        join conversations c on c.id = p.conversation_id
                        cross join lateral (select case when p.left_at is null
                                                        then coalesce(c.last_message_at, c.created_at)
                                                        else least(coalesce(c.last_message_at, c.created_at), p.left_at)
                                                   end as activity_at) a
                        left join lateral (select m.* from messages m where m.conversation_id = c.id and %s
                                           order by m.id desc limit 1) l on true
                        where p.user_id = :u
                          and (cast(:afterAt as timestamptz) is null
                               or (a.activity_at, c.id) < (cast(:afterAt as timestamptz), cast(:afterId as bigint)))
                        order by a.activity_at desc, c.id desc
                        limit :limit""".formatted(READABLE_BY_P, READABLE_BY_P))
                .param("u", userId).param("afterAt", afterAt == null ? null : Timestamp.from(afterAt))
                .param("afterId", afterId).param("limit", limit)
                .query((rs, n) -> new ConversationRow(conversation(rs, n), participant(rs, n),
                        rs.getTimestamp("activity_at").toInstant(), rs.getLong("unread"),
                        rs.getObject("m_id") == null ? null : new Message(rs.getLong("m_id"), rs.getLong("id"),
                                (Long) rs.getObject("m_sender_id"), rs.getString("m_body"),
                                rs.getString("m_body_html"), instant(rs, "m_created_at"),
                                instant(rs, "m_edited_at"))))
                .list();
    }

    void touch(long conversationId) {
        jdbc.sql("update conversations set last_message_at = now() where id = :c").param("c", conversationId).update();
    }

    // participants

    Optional<Participant> participant(long conversationId, long userId) {
        return jdbc.sql("select * from conversation_participants where conversation_id = :c and user_id = :u")
                .param("c", conversationId).param("u", userId).query(ConversationRepository::participant).optional();
    }

    /** Everyone who ever took part, current participants first, each group in the order they joined. */
    List<Participant> participants(long conversationId) {
        return jdbc.sql("""
                        select * from conversation_participants where conversation_id = :c
                        order by left_at is not null, joined_at, user_id""")
                .param("c", conversationId).query(ConversationRepository::participant).list();
    }

    /** Current participants of several conversations (for the names in the list). */
    List<Participant> currentParticipants(Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from conversation_participants
                        where conversation_id in (:c) and left_at is null order by joined_at, user_id""")
                .param("c", conversationIds).query(ConversationRepository::participant).list();
    }

    int countCurrent(long conversationId) {
        return jdbc.sql("select count(*) from conversation_participants where conversation_id = :c and left_at is null")
                .param("c", conversationId).query(Integer.class).single();
    }

    /** Adds a person, or brings a former participant back. */
    void join(long conversationId, long userId) {
        jdbc.sql("""
                        insert into conversation_participants (conversation_id, user_id) values (:c, :u)
                        on conflict (conversation_id, user_id)
                        do update set left_at = null, joined_at = now() where conversation_participants.left_at is not null""")
                .param("c", conversationId).param("u", userId).update();
    }

    void leave(long conversationId, long userId) {
        jdbc.sql("""
                        update conversation_participants set left_at = now()
                        where conversation_id = :c and user_id = :u and left_at is null""")
                .param("c", conversationId).param("u", userId).update();
    }

    /** Marks everything up to the given message read; never moves the marker backwards. */
    void markRead(long conversationId, long userId, long messageId) {
        jdbc.sql("""
                        update conversation_participants set last_read_message_id = :m
                        where conversation_id = :c and user_id = :u
                          and (last_read_message_id is null or last_read_message_id < :m)""")
                .param("c", conversationId).param("u", userId).param("m", messageId).update();
    }

    long unread(long conversationId, long userId) {
        return jdbc.sql("""
                        select count(*) from messages m
                        join conversation_participants p on p.conversation_id = m.conversation_id and p.user_id = :u
                        where m.conversation_id = :c and m.id > coalesce(p.last_read_message_id, 0)
                          and m.sender_id is distinct from p.user_id and %s""".formatted(READABLE_BY_P))
                .param("c", conversationId).param("u", userId).query(Long.class).single();
    }

    // messages

    /** Newest first, before the given id (keyset), limited to what the participant may read. */
    List<Message> messagesBefore(Participant p, Long beforeId, int limit) {
        return jdbc.sql("""
                        select %s from messages m
                        where m.conversation_id = :c and m.deleted_at is null
                          and (cast(:leftAt as timestamptz) is null or m.created_at <= cast(:leftAt as timestamptz))
                          and (cast(:before as bigint) is null or m.id < cast(:before as bigint))
                        order by m.id desc limit :limit""".formatted(MESSAGE_COLUMNS))
                .param("c", p.conversationId()).param("leftAt", timestamp(p.leftAt())).param("before", beforeId)
                .param("limit", limit).query(ConversationRepository::message).list();
    }

    /** Oldest first, after the given id. */
    List<Message> messagesAfter(Participant p, long afterId, int limit) {
        return jdbc.sql("""
                        select %s from messages m
                        where m.conversation_id = :c and m.deleted_at is null and m.id > :after
                          and (cast(:leftAt as timestamptz) is null or m.created_at <= cast(:leftAt as timestamptz))
                        order by m.id limit :limit""".formatted(MESSAGE_COLUMNS))
                .param("c", p.conversationId()).param("leftAt", timestamp(p.leftAt())).param("after", afterId)
                .param("limit", limit).query(ConversationRepository::message).list();
    }

    Optional<Message> message(Participant p, long messageId) {
        return jdbc.sql("""
                        select %s from messages m
                        where m.id = :id and m.conversation_id = :c and m.deleted_at is null
                          and (cast(:leftAt as timestamptz) is null or m.created_at <= cast(:leftAt as timestamptz))"""
                        .formatted(MESSAGE_COLUMNS))
                .param("id", messageId).param("c", p.conversationId()).param("leftAt", timestamp(p.leftAt()))
                .query(ConversationRepository::message).optional();
    }

    /** The newest message the participant may read, or null. */
    Long newestReadable(Participant p) {
        List<Message> newest = messagesBefore(p, null, 1);
        return newest.isEmpty() ? null : newest.getFirst().id();
    }

    Message insertMessage(long conversationId, long senderId, String body, String html) {
        return jdbc.sql("""
                        insert into messages (conversation_id, sender_id, body, body_html)
                        values (:c, :s, :b, :h) returning id, conversation_id, sender_id, body, body_html,
                                                          created_at, edited_at""")
                .param("c", conversationId).param("s", senderId).param("b", body).param("h", html)
                .query(ConversationRepository::message).single();
    }

    /** Messages the user sent in the last {@code seconds}, and in how many seconds the oldest of them drops out. */
    RecentSends recentSends(long userId, int seconds) {
        return jdbc.sql("""
                        select count(*) as n,
                               coalesce(ceil(extract(epoch from min(created_at) + make_interval(secs => :s) - now())), 0)
                                   as retry
                        from messages where sender_id = :u and created_at > now() - make_interval(secs => :s)""")
                .param("u", userId).param("s", seconds)
                .query((rs, n) -> new RecentSends(rs.getInt("n"), Math.max(1, rs.getLong("retry")))).single();
    }

    record RecentSends(int count, long retryAfterSeconds) {
    }

    // idempotency keys

    /**
     * Claims the key for a new message. Returns false when the key is taken; a concurrent request holding it makes
     * this wait until that request's transaction ends.
     */
    boolean claimKey(long userId, String key) {
        return jdbc.sql("insert into message_idempotency_keys (user_id, key) values (:u, :k) on conflict do nothing")
                .param("u", userId).param("k", key).update() == 1;
    }

    void completeKey(long userId, String key, long messageId) {
        jdbc.sql("update message_idempotency_keys set message_id = :m where user_id = :u and key = :k")
                .param("u", userId).param("k", key).param("m", messageId).update();
    }

    /** The message a key created, with its conversation (the first response is repeated even for another path). */
    Optional<long[]> keyedMessage(long userId, String key) {
        return jdbc.sql("""
                        select m.id, m.conversation_id from message_idempotency_keys k join messages m on m.id = k.message_id
                        where k.user_id = :u and k.key = :k""")
                .param("u", userId).param("k", key)
                .query((rs, n) -> new long[] {rs.getLong("id"), rs.getLong("conversation_id")}).optional();
    }

    // mapping

    private static Conversation conversation(ResultSet rs, int row) throws SQLException {
        return new Conversation(rs.getLong("id"), Conversation.Kind.valueOf(rs.getString("kind")),
                rs.getString("title"), (Long) rs.getObject("created_by"), instant(rs, "created_at"),
                instant(rs, "last_message_at"));
    }

    private static Participant participant(ResultSet rs, int row) throws SQLException {
        return new Participant(rs.getLong("conversation_id"), rs.getLong("user_id"), instant(rs, "joined_at"),
                instant(rs, "left_at"), (Long) rs.getObject("last_read_message_id"));
    }

    private static Message message(ResultSet rs, int row) throws SQLException {
        return new Message(rs.getLong("id"), rs.getLong("conversation_id"), (Long) rs.getObject("sender_id"),
                rs.getString("body"), rs.getString("body_html"), instant(rs, "created_at"), instant(rs, "edited_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}

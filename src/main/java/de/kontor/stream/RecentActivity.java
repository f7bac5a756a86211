package de.kontor.stream;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What happened in the stream, for mails: new posts by others in the given spaces and posts someone follows that
 * others commented on since a moment (digests), and a comment's text (notification mails). It decides nothing about access: the caller passes
 * the spaces the person may read now (from {@link de.kontor.spaces.VisibilityPolicy}) and whether profile posts are
 * readable for them (not for guests).
 */
@Service
public class RecentActivity {

    /** A post for a digest; {@code newComments} counts others' comments since the moment. */
    public record ActivityItem(long postId, Long spaceId, long authorId, String text, Instant createdAt,
                               boolean newPost, int newComments) {
    }

    private final JdbcClient jdbc;

    public RecentActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * New posts after {@code since} in {@code postSpaceIds}, and followed posts in {@code readableSpaceIds} (or on
     * profiles when {@code profiles}) with others' comments after {@code since}; newest first, at most {@code limit}.
     */
    public List<ActivityItem> since(long userId, Instant since, Collection<Long> postSpaceIds,
                                    Collection<Long> readableSpaceIds, boolean profiles, int limit) {
        return jdbc.sql("""
                        select p.id, p.space_id, p.author_id, p.body, p.created_at,
                               (p.created_at > :since and p.author_id <> :u and p.space_id = any(:postSpaces))
                                   as new_post,
                               (select count(*) from comments c where c.post_id = p.id and c.deleted_at is null
                                  and c.created_at > :since and c.author_id <> :u) as new_comments
                        from posts p
                        where p.deleted_at is null
                          and ((p.created_at > :since and p.author_id <> :u and p.space_id = any(:postSpaces))
                               or ((p.space_id = any(:readable) or (:profiles and p.space_id is null))
                                   and exists (select 1 from follows f where f.user_id = :u
                                               and f.target_type = 'POST' and f.target_key = p.id::text)
                                   and exists (select 1 from comments c where c.post_id = p.id
                                               and c.deleted_at is null and c.created_at > :since
                                               and c.author_id <> :u)))
                        order by p.created_at desc, p.id desc
                        limit :limit""")
                .param("u", userId).param("since", java.sql.Timestamp.from(since))
                .param("postSpaces", postSpaceIds.toArray(Long[]::new))
                .param("readable", readableSpaceIds.toArray(Long[]::new))
                .param("profiles", profiles).param("limit", limit)
                .query((rs, n) -> new ActivityItem(rs.getLong("id"), (Long) rs.getObject("space_id"),
                        rs.getLong("author_id"), PostDocuments.plain(rs.getString("body")),
                        rs.getTimestamp("created_at").toInstant(), rs.getBoolean("new_post"),
                        rs.getInt("new_comments")))
                .list();
    }

    /** The plain text of a live comment (for a mail about it); says nothing about who may read it. */
    public Optional<String> commentText(long commentId) {
        return jdbc.sql("select body from comments where id = :id and deleted_at is null").param("id", commentId)
                .query(String.class).optional().map(PostDocuments::plain);
    }
}

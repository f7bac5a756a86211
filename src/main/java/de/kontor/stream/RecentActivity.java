package de.kontor.stream;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What happened in the stream for one person since a moment (the mail module's digest): new posts by others in the
 * given spaces, and posts they follow that others commented on. It decides nothing about access: the caller passes
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
}

package de.kontor.decisions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code polls}, {@code poll_options} and {@code poll_votes}. */
@Repository
class PollRepository {

    /** One person's choice of one option. */
    record Vote(long pollId, long optionId, long userId) {
    }

    private final JdbcClient jdbc;

    PollRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long postId, long spaceId, long authorId, boolean multiple, boolean anonymous, Poll.Results results,
                Instant closesAt, List<String> options) {
        long id = jdbc.sql("""
                        insert into polls (post_id, space_id, author_id, multiple, anonymous, results, closes_at)
                        values (:post, :space, :author, :multiple, :anonymous, :results, :closes) returning id""")
                .param("post", postId).param("space", spaceId).param("author", authorId)
                .param("multiple", multiple).param("anonymous", anonymous).param("results", results.name())
                .param("closes", Timestamp.from(closesAt)).query(Long.class).single();
        for (int i = 0; i < options.size(); i++) {
            jdbc.sql("insert into poll_options (poll_id, position, label) values (:p, :pos, :label)")
                    .param("p", id).param("pos", i).param("label", options.get(i)).update();
        }
        return id;
    }

    Optional<Poll> find(long id) {
        return jdbc.sql("select * from polls where id = :id").param("id", id).query(PollRepository::poll).optional();
    }

    /** Locks the poll row so that a vote is counted against the deadline as it is at that moment. */
    Optional<Poll> lock(long id) {
        return jdbc.sql("select * from polls where id = :id for update").param("id", id)
                .query(PollRepository::poll).optional();
    }

    Optional<Poll> findByPost(long postId) {
        return jdbc.sql("select * from polls where post_id = :p").param("p", postId).query(PollRepository::poll)
                .optional();
    }

    List<Poll> findByPosts(Collection<Long> postIds) {
        return jdbc.sql("select * from polls where post_id in (:ids)").param("ids", postIds)
                .query(PollRepository::poll).list();
    }

    List<Poll.Option> options(Collection<Long> pollIds) {
        return jdbc.sql("select * from poll_options where poll_id in (:ids) order by poll_id, position")
                .param("ids", pollIds)
                .query((rs, i) -> new Poll.Option(rs.getLong("id"), rs.getLong("poll_id"), rs.getInt("position"),
                        rs.getString("label"))).list();
    }

    List<Vote> votes(Collection<Long> pollIds) {
        return jdbc.sql("select poll_id, option_id, user_id from poll_votes where poll_id in (:ids) order by voted_at")
                .param("ids", pollIds)
                .query((rs, i) -> new Vote(rs.getLong("poll_id"), rs.getLong("option_id"), rs.getLong("user_id")))
                .list();
    }

    /** The person's vote becomes exactly these options (a second vote replaces the first). */
    void replaceVote(long pollId, long userId, Collection<Long> optionIds) {
        deleteVote(pollId, userId);
        for (long option : optionIds) {
            jdbc.sql("insert into poll_votes (poll_id, option_id, user_id) values (:p, :o, :u)")
                    .param("p", pollId).param("o", option).param("u", userId).update();
        }
    }

    boolean deleteVote(long pollId, long userId) {
        return jdbc.sql("delete from poll_votes where poll_id = :p and user_id = :u")
                .param("p", pollId).param("u", userId).update() > 0;
    }

    private static Poll poll(ResultSet rs, int row) throws SQLException {
        return new Poll(rs.getLong("id"), rs.getLong("post_id"), rs.getLong("space_id"), rs.getLong("author_id"),
                rs.getBoolean("multiple"), rs.getBoolean("anonymous"), Poll.Results.valueOf(rs.getString("results")),
                rs.getTimestamp("closes_at").toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}

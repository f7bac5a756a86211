package de.kontor.stream;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Who follows a post's conversation (its author and commenters follow it automatically). */
@Service
public class PostFollowers {

    private final JdbcClient jdbc;

    public PostFollowers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids of the people following the post. */
    public List<Long> followers(long postId) {
        return jdbc.sql("select user_id from follows where target_type = 'POST' and target_key = :k order by user_id")
                .param("k", Long.toString(postId)).query(Long.class).list();
    }
}

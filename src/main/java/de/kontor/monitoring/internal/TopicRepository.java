package de.kontor.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code monitoring_topics} and their followers. */
@Repository
class TopicRepository {

    private final JdbcClient jdbc;

    TopicRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("""
                        select exists (select 1 from monitoring_topics
                                       where lower(name) = lower(:name) and id <> coalesce(:except, -1))""")
                .param("name", name).param("except", exceptId).query(Boolean.class).single();
    }

    long insert(String name, String query, int slaHours) {
        return jdbc.sql("""
                        insert into monitoring_topics (name, query, sla_hours) values (:name, :query, :sla)
                        returning id""")
                .param("name", name).param("query", query).param("sla", slaHours).query(Long.class).single();
    }

    void update(long id, String name, String query, int slaHours) {
        jdbc.sql("update monitoring_topics set name = :name, query = :query, sla_hours = :sla where id = :id")
                .param("id", id).param("name", name).param("query", query).param("sla", slaHours).update();
    }

    Optional<Topic> find(long id) {
        return jdbc.sql("select * from monitoring_topics where id = :id").param("id", id)
                .query(TopicRepository::topic).optional();
    }

    List<Topic> list() {
        return jdbc.sql("select * from monitoring_topics order by lower(name), id").query(TopicRepository::topic)
                .list();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from monitoring_topics where id = :id").param("id", id).update() > 0;
    }

    void follow(long topicId, long userId) {
        jdbc.sql("insert into monitoring_topic_followers (topic_id, user_id) values (:t, :u) on conflict do nothing")
                .param("t", topicId).param("u", userId).update();
    }

    void unfollow(long topicId, long userId) {
        jdbc.sql("delete from monitoring_topic_followers where topic_id = :t and user_id = :u")
                .param("t", topicId).param("u", userId).update();
    }

    boolean follows(long topicId, long userId) {
        return jdbc.sql("""
                        select exists (select 1 from monitoring_topic_followers where topic_id = :t and user_id = :u)""")
                .param("t", topicId).param("u", userId).query(Boolean.class).single();
    }

    List<Long> followerIds(long topicId) {
        return jdbc.sql("select user_id from monitoring_topic_followers where topic_id = :t order by user_id")
                .param("t", topicId).query(Long.class).list();
    }

    private static Topic topic(ResultSet rs, int row) throws SQLException {
        return new Topic(rs.getLong("id"), rs.getString("name"), rs.getString("query"), rs.getInt("sla_hours"),
                SourceRepository.instant(rs, "created_at"));
    }
}

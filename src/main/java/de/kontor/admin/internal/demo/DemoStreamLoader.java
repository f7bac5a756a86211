package de.kontor.admin.internal.demo;

import de.kontor.stream.PostText;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import de.kontor.admin.internal.demo.DemoPeople.Person;
import de.kontor.admin.internal.demo.DemoStream.Comment;
import de.kontor.admin.internal.demo.DemoStream.Content;
import de.kontor.admin.internal.demo.DemoStream.Post;
import de.kontor.admin.internal.demo.DemoStream.Reaction;

/**
 * Writes the demo activity stream ({@link DemoStream}) into the stream tables, as one step of the demo load and in
 * its transaction. Like the rest of the demo load it writes plain SQL into another module's tables: the rows are
 * exactly what the stream module writes when people post, comment and react (rendered HTML, tags and mentions with
 * the copied space and time, the count columns, the follow of every post an author wrote or commented on).
 * <p>
 * Only people who really are members of the space (in the database, not just in the demo plan) write, react or are
 * recorded as mentioned: a space of the same name that existed before keeps its own members, and the content of
 * people not in it is left out, and a space that already has posts gets none. The {@code demo_data} part "stream"
 * makes later starts add nothing.
 */
@Component
@Profile("demo")
class DemoStreamLoader {

    /** What one load wrote. */
    record Loaded(int posts, int comments, int reactions, int mentions, int tags, int follows) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    DemoStreamLoader(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Loads the stream unless it was loaded before; the caller holds the lock on {@code demo_data}. */
    Loaded load() {
        boolean done = jdbc.sql("select exists (select 1 from demo_data where part = :part)")
                .param("part", DemoStream.PART).query(Boolean.class).single();
        if (done) {
            return null;
        }
        Map<String, Long> people = people();
        Map<String, Long> spaces = spaces();
        Map<Long, Set<Long>> members = members(spaces.values());
        Content content = DemoStream.content(Instant.now().truncatedTo(ChronoUnit.SECONDS));

        // a space that has posts already keeps its own conversation (and a reload without the marker adds nothing)
        Set<Long> used = new HashSet<>(spaces.isEmpty() ? List.of() : jdbc.sql(
                        "select distinct space_id from posts where space_id in (:spaces)")
                .param("spaces", spaces.values()).query(Long.class).list());
        // what the database lets each person do: write only where they are members
        List<Post> posts = content.posts().stream()
                .filter(p -> spaces.containsKey(p.space()) && !used.contains(spaces.get(p.space())))
                .filter(p -> member(members, spaces, people, p.space(), p.author())).toList();
        Map<Integer, Post> kept = new HashMap<>();
        posts.forEach(p -> kept.put(p.index(), p));
        Set<Integer> keptComments = new HashSet<>();
        List<Comment> comments = new ArrayList<>();
        for (Comment c : content.comments()) {
            Post p = kept.get(c.post());
            if (p != null && (c.parent() == null || keptComments.contains(c.parent()))
                    && member(members, spaces, people, p.space(), c.author())) {
                comments.add(c);
                keptComments.add(c.index());
            }
        }
        List<Reaction> reactions = content.reactions().stream()
                .filter(r -> kept.containsKey(r.post())
                        && member(members, spaces, people, kept.get(r.post()).space(), r.user())).toList();

        Map<Integer, Long> postIds = reserve("posts", posts.stream().map(Post::index).toList());
        Map<Integer, Long> commentIds = reserve("comments", comments.stream().map(Comment::index).toList());
        Map<Integer, Integer> commentCounts = new HashMap<>();
        comments.forEach(c -> commentCounts.merge(c.post(), 1, Integer::sum));
        Map<Integer, Integer> reactionCounts = new HashMap<>();
        reactions.forEach(r -> reactionCounts.merge(r.post(), 1, Integer::sum));

        List<SqlParameterSource> postRows = new ArrayList<>();
        List<SqlParameterSource> tagRows = new ArrayList<>();
        List<SqlParameterSource> mentionRows = new ArrayList<>();
        List<SqlParameterSource> followRows = new ArrayList<>();
        for (Post p : posts) {
            long id = postIds.get(p.index());
            long space = spaces.get(p.space());
            long author = people.get(p.author());
            String body = DemoStream.resolve(p.body(), people);
            PostText.Rendered r = PostText.render(body);
            postRows.add(new MapSqlParameterSource().addValue("id", id).addValue("space", space)
                    .addValue("author", author).addValue("body", body)
                    .addValue("html", r.html()).addValue("at", ts(p.at()))
                    .addValue("pinnedAt", p.pinned() ? ts(p.at()) : null)
                    .addValue("pinnedBy", p.pinned() ? author : null)
                    .addValue("comments", commentCounts.getOrDefault(p.index(), 0))
                    .addValue("reactions", reactionCounts.getOrDefault(p.index(), 0)));
            for (String tag : r.tags()) {
                tagRows.add(new MapSqlParameterSource().addValue("tag", tag).addValue("post", id)
                        .addValue("space", space).addValue("at", ts(p.at())));
            }
            mentions(r.mentions(), author, members.get(space), id, null, space, p.at(), mentionRows);
            followRows.add(follow(author, "POST", Long.toString(id), p.at()));
        }
        List<SqlParameterSource> commentRows = new ArrayList<>();
        for (Comment c : comments) {
            Post p = kept.get(c.post());
            long id = commentIds.get(c.index());
            long postId = postIds.get(c.post());
            long space = spaces.get(p.space());
            long author = people.get(c.author());
            String body = DemoStream.resolve(c.body(), people);
            PostText.Rendered r = PostText.render(body);
            commentRows.add(new MapSqlParameterSource().addValue("id", id).addValue("post", postId)
                    .addValue("parent", c.parent() == null ? null : commentIds.get(c.parent()))
                    .addValue("author", author).addValue("body", body).addValue("html", r.html())
                    .addValue("at", ts(c.at())));
            // the stream module copies the post's time into comment mentions too
            mentions(r.mentions(), author, members.get(space), postId, id, space, p.at(), mentionRows);
            followRows.add(follow(author, "POST", Long.toString(postId), c.at()));
        }
        List<SqlParameterSource> reactionRows = reactions.stream()
                .map(r -> (SqlParameterSource) new MapSqlParameterSource().addValue("post", postIds.get(r.post()))
                        .addValue("user", people.get(r.user())).addValue("reaction", r.code())
                        .addValue("at", ts(r.at())))
                .toList();
        Instant followed = Instant.now().minus(40, ChronoUnit.DAYS);
        for (DemoStream.Follow f : DemoStream.FOLLOWS) {
            Long user = people.get(f.user());
            String key = switch (f.type()) {
                case "TAG" -> f.target();
                case "USER" -> people.containsKey(f.target()) ? Long.toString(people.get(f.target())) : null;
                case "SPACE" -> spaces.containsKey(f.target()) ? Long.toString(spaces.get(f.target())) : null;
                default -> throw new IllegalStateException("Unknown follow type " + f.type());
            };
            if (user != null && key != null) {
                followRows.add(follow(user, f.type(), key, followed));
            }
        }

        batch.batchUpdate("""
                insert into posts (id, space_id, author_id, body, body_html, created_at, pinned_at, pinned_by,
                                   comment_count, reaction_count)
                overriding system value
                values (:id, :space, :author, :body, :html, :at, :pinnedAt, :pinnedBy, :comments, :reactions)""",
                postRows.toArray(SqlParameterSource[]::new));
        batch.batchUpdate("""
                insert into post_tags (tag, post_id, space_id, created_at) values (:tag, :post, :space, :at)""",
                tagRows.toArray(SqlParameterSource[]::new));
        // replies come after their parents in the list, so the reference is always there
        batch.batchUpdate("""
                insert into comments (id, post_id, parent_id, author_id, body, body_html, created_at)
                overriding system value
                values (:id, :post, :parent, :author, :body, :html, :at)""",
                commentRows.toArray(SqlParameterSource[]::new));
        batch.batchUpdate("""
                insert into reactions (post_id, user_id, reaction, created_at) values (:post, :user, :reaction, :at)
                on conflict do nothing""", reactionRows.toArray(SqlParameterSource[]::new));
        batch.batchUpdate("""
                insert into mentions (user_id, post_id, comment_id, space_id, created_at)
                values (:user, :post, :comment, :space, :at) on conflict do nothing""",
                mentionRows.toArray(SqlParameterSource[]::new));
        batch.batchUpdate("""
                insert into follows (user_id, target_type, target_key, created_at)
                values (:user, :type, :key, :at) on conflict do nothing""",
                followRows.toArray(SqlParameterSource[]::new));
        jdbc.sql("insert into demo_data (part, version) values (:part, :version)")
                .param("part", DemoStream.PART).param("version", DemoStream.VERSION).update();
        return new Loaded(posts.size(), comments.size(), reactions.size(), mentionRows.size(), tagRows.size(),
                followRows.size());
    }

    /** Mentions the app records: of people who can read the post (here: its members), never of the writer. */
    private static void mentions(Set<Long> mentioned, long writer, Set<Long> members, long post, Long comment,
                                 long space, Instant postAt, List<SqlParameterSource> rows) {
        for (long user : mentioned) {
            if (user != writer && members.contains(user)) {
                rows.add(new MapSqlParameterSource().addValue("user", user).addValue("post", post)
                        .addValue("comment", comment).addValue("space", space).addValue("at", ts(postAt)));
            }
        }
    }

    private static SqlParameterSource follow(long user, String type, String key, Instant at) {
        return new MapSqlParameterSource().addValue("user", user).addValue("type", type).addValue("key", key)
                .addValue("at", ts(at));
    }

    /** Takes ids from the table's identity sequence, so that rows can refer to each other in one batch. */
    private Map<Integer, Long> reserve(String table, List<Integer> indexes) {
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence(:table, 'id')) from generate_series(1, :n)")
                .param("table", table).param("n", indexes.size()).query(Long.class).list();
        Map<Integer, Long> out = new HashMap<>();
        for (int i = 0; i < indexes.size(); i++) {
            out.put(indexes.get(i), ids.get(i));
        }
        return out;
    }

    private Map<String, Long> people() {
        Map<String, String> keyByEmail = new HashMap<>();
        DemoPeople.ALL.forEach((Person p) -> keyByEmail.put(p.email().toLowerCase(Locale.ROOT), p.key()));
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, lower(email) as email from users where lower(email) in (:emails) and active")
                .param("emails", keyByEmail.keySet())
                .query((rs, n) -> Map.entry(keyByEmail.get(rs.getString("email")), rs.getLong("id")))
                .list()
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    private Map<String, Long> spaces() {
        Map<String, String> nameByLower = new HashMap<>();
        DemoSpaces.SPACES.forEach(s -> nameByLower.put(s.name().toLowerCase(Locale.ROOT), s.name()));
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, lower(name) as name from spaces where lower(name) in (:names) and archived_at is null")
                .param("names", nameByLower.keySet())
                .query((rs, n) -> Map.entry(nameByLower.get(rs.getString("name")), rs.getLong("id")))
                .list()
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    private Map<Long, Set<Long>> members(Collection<Long> spaces) {
        Map<Long, Set<Long>> out = new HashMap<>();
        spaces.forEach(s -> out.put(s, new HashSet<>()));
        if (!spaces.isEmpty()) {
            jdbc.sql("select space_id, user_id from space_members where space_id in (:spaces)")
                    .param("spaces", spaces)
                    .query((rs, n) -> Map.entry(rs.getLong("space_id"), rs.getLong("user_id")))
                    .list()
                    .forEach(e -> out.get(e.getKey()).add(e.getValue()));
        }
        return out;
    }

    private static boolean member(Map<Long, Set<Long>> members, Map<String, Long> spaces, Map<String, Long> people,
                                  String space, String person) {
        Long s = spaces.get(space);
        Long u = people.get(person);
        return s != null && u != null && members.get(s).contains(u);
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}

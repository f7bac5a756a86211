package de.kontor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static de.kontor.support.MatrixTable.assertCells;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import de.kontor.support.MatrixTable.Row;
import de.kontor.support.AbstractIT;
import de.kontor.support.MatrixTable;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/**
 * Who gets which HTTP status from every stream, post, comment and reaction endpoint, for every kind of viewer and
 * space; built like {@code VisibilityMatrixIT}. The tables ARE the specification.
 *
 * <p>Row format: {@code METHOD path [body] | kind | one status per viewer column}.
 * <ul>
 * <li>Kinds: {@code public}, {@code private}, {@code secret}, {@code archived} (an archived public space with its
 * posts), {@code profile} (a profile post, no space), {@code -} (not about one space or post).</li>
 * <li>Viewer columns: administrator (not a member), owner, moderator, member, non-member (a company member),
 * guest-in-space (a guest who is a member), guest-elsewhere (a guest in another space), deactivated (a former
 * member), anonymous.</li>
 * <li>{@code L} is a redirect to {@code /login}; a plain {@code 302} is a successful form action.</li>
 * <li>Placeholders: {@code {id}} the space, {@code {post}} a post by another member ({@code {author}}) with one
 * comment {@code {comment}}.</li>
 * </ul>
 * Every writing cell gets a fresh space and post; GET cells of one kind share them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamMatrixIT extends AbstractIT {

    static final String HTML = """
            # endpoint                                          | kind     | adm own mod mem non gIn gOut dea ano
            GET  /                                              | -        | 200 200 200 200 200 200 200 L   L
            GET  /?unread=1                                     | -        | 200 200 200 200 200 200 200 L   L
            POST /stream/read-all back=/                        | -        | 302 302 302 302 302 302 302 L   L
            GET  /stream/company                                | -        | 200 200 200 200 200 200 200 L   L
            GET  /tags/matrix                                   | -        | 200 200 200 200 200 200 200 L   L
            GET  /people/{author}/posts                         | -        | 200 200 200 200 200 403 403 L   L
            POST /posts/preview body=hello                      | -        | 200 200 200 200 200 200 200 L   L
            POST /posts body=On+my+profile                      | -        | 302 302 302 302 302 403 403 L   L

            GET  /spaces/{id}/posts                             | public   | 200 200 200 200 200 200 404 L   L
            GET  /spaces/{id}/posts                             | private  | 200 200 200 200 403 200 404 L   L
            GET  /spaces/{id}/posts                             | secret   | 200 200 200 200 404 200 404 L   L
            GET  /spaces/{id}/posts                             | archived | 200 200 200 200 200 200 404 L   L

            POST /posts spaceId={id}&body=Hello                 | public   | 403 302 302 302 403 302 404 L   L
            POST /posts spaceId={id}&body=Hello                 | private  | 403 302 302 302 403 302 404 L   L
            POST /posts spaceId={id}&body=Hello                 | secret   | 403 302 302 302 404 302 404 L   L
            POST /posts spaceId={id}&body=Hello                 | archived | 403 409 409 409 403 409 404 L   L

            GET  /posts/{post}                                  | public   | 200 200 200 200 200 200 404 L   L
            GET  /posts/{post}                                  | private  | 200 200 200 200 404 200 404 L   L
            GET  /posts/{post}                                  | secret   | 200 200 200 200 404 200 404 L   L
            GET  /posts/{post}                                  | archived | 200 200 200 200 200 200 404 L   L
            GET  /posts/{post}                                  | profile  | 200 200 200 200 200 404 404 L   L

            GET  /posts/{post}/revisions                        | private  | 200 200 200 200 404 200 404 L   L
            GET  /posts/{post}/revisions                        | profile  | 200 200 200 200 200 404 404 L   L

            GET  /posts/{post}/edit                             | public   | 403 403 403 403 403 403 404 L   L
            GET  /posts/{post}/edit                             | secret   | 403 403 403 403 404 403 404 L   L
            POST /posts/{post}/edit body=changed                | public   | 403 403 403 403 403 403 404 L   L
            POST /posts/{post}/edit body=changed                | private  | 403 403 403 403 404 403 404 L   L

            POST /posts/{post}/delete                           | public   | 302 302 302 403 403 403 404 L   L
            POST /posts/{post}/delete                           | private  | 302 302 302 403 404 403 404 L   L
            POST /posts/{post}/delete                           | secret   | 302 302 302 403 404 403 404 L   L
            POST /posts/{post}/delete                           | archived | 409 409 409 403 403 403 404 L   L
            POST /posts/{post}/delete                           | profile  | 302 403 403 403 403 404 404 L   L

            POST /posts/{post}/pin                              | public   | 302 302 302 403 403 403 404 L   L
            POST /posts/{post}/pin                              | secret   | 302 302 302 403 404 403 404 L   L
            POST /posts/{post}/pin                              | archived | 409 409 409 403 403 403 404 L   L

            POST /posts/{post}/comments body=Nice               | public   | 403 302 302 302 403 302 404 L   L
            POST /posts/{post}/comments body=Nice               | private  | 403 302 302 302 404 302 404 L   L
            POST /posts/{post}/comments body=Nice               | secret   | 403 302 302 302 404 302 404 L   L
            POST /posts/{post}/comments body=Nice               | archived | 409 409 409 409 409 409 404 L   L
            POST /posts/{post}/comments body=Nice               | profile  | 302 302 302 302 302 404 404 L   L

            POST /comments/{comment}/delete                     | public   | 302 302 302 403 403 403 404 L   L
            POST /comments/{comment}/delete                     | secret   | 302 302 302 403 404 403 404 L   L
            GET  /comments/{comment}/edit                       | private  | 403 403 403 403 404 403 404 L   L

            POST /posts/{post}/reactions/heart                  | public   | 403 302 302 302 403 302 404 L   L
            POST /posts/{post}/reactions/heart                  | private  | 403 302 302 302 404 302 404 L   L
            POST /posts/{post}/reactions/heart                  | secret   | 403 302 302 302 404 302 404 L   L
            POST /posts/{post}/reactions/heart                  | archived | 409 409 409 409 409 409 404 L   L
            POST /posts/{post}/reactions/heart                  | profile  | 302 302 302 302 302 404 404 L   L

            POST /follows/space/{id}                            | public   | 302 302 302 302 302 302 404 L   L
            POST /follows/space/{id}                            | private  | 302 302 302 302 403 302 404 L   L
            POST /follows/space/{id}                            | secret   | 302 302 302 302 404 302 404 L   L
            POST /follows/post/{post}                           | secret   | 302 302 302 302 404 302 404 L   L
            POST /spaces/{id}/mute                              | private  | 302 302 302 302 403 302 404 L   L
            POST /spaces/{id}/mute                              | secret   | 302 302 302 302 404 302 404 L   L

            GET  /people/suggest?q=test&spaceId={id}            | private  | 200 200 200 200 403 403 403 L   L
            GET  /people/suggest?q=test&spaceId={id}            | secret   | 200 200 200 200 404 403 403 L   L
            """;

    static final String API = """
            # endpoint                                                   | kind     | adm own mod mem non gIn gOut dea ano
            GET    /api/v1/streams/home                                  | -        | 200 200 200 200 200 200 200 401 401
            GET    /api/v1/streams/home?unread=true                      | -        | 200 200 200 200 200 200 200 401 401
            POST   /api/v1/streams/home/read-all                         | -        | 204 204 204 204 204 204 204 401 401
            GET    /api/v1/streams/company                               | -        | 200 200 200 200 200 200 200 401 401
            GET    /api/v1/streams/tags/matrix                           | -        | 200 200 200 200 200 200 200 401 401
            GET    /api/v1/streams/users/{author}                        | -        | 200 200 200 200 200 200 200 401 401
            GET    /api/v1/tags/trending                                 | -        | 200 200 200 200 200 200 200 401 401
            GET    /api/v1/follows                                       | -        | 200 200 200 200 200 200 200 401 401
            POST   /api/v1/posts {"body":"On my profile"}                | -        | 201 201 201 201 201 403 403 401 401

            GET    /api/v1/streams/spaces/{id}                           | public   | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/streams/spaces/{id}                           | private  | 200 200 200 200 403 200 404 401 401
            GET    /api/v1/streams/spaces/{id}                           | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/streams/spaces/{id}                           | archived | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/posts?spaceId={id}                            | secret   | 200 200 200 200 404 200 404 401 401

            POST   /api/v1/posts {"spaceId":"{id}","body":"Hello"}       | public   | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/posts {"spaceId":"{id}","body":"Hello"}       | private  | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/posts {"spaceId":"{id}","body":"Hello"}       | secret   | 403 201 201 201 404 201 404 401 401
            POST   /api/v1/posts {"spaceId":"{id}","body":"Hello"}       | archived | 403 409 409 409 403 409 404 401 401

            GET    /api/v1/posts/{post}                                  | public   | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/posts/{post}                                  | private  | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/posts/{post}                                  | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/posts/{post}                                  | archived | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/posts/{post}                                  | profile  | 200 200 200 200 200 404 404 401 401

            PATCH  /api/v1/posts/{post} {"body":"changed"}               | public   | 403 403 403 403 403 403 404 401 401
            PATCH  /api/v1/posts/{post} {"body":"changed"}               | private  | 403 403 403 403 404 403 404 401 401
            PATCH  /api/v1/posts/{post} {"body":"changed"}               | secret   | 403 403 403 403 404 403 404 401 401
            PATCH  /api/v1/posts/{post} {"body":"changed"}               | archived | 403 403 403 403 403 403 404 401 401
            PATCH  /api/v1/posts/{post} {"body":"changed"}               | profile  | 403 403 403 403 403 404 404 401 401

            DELETE /api/v1/posts/{post}                                  | public   | 204 204 204 403 403 403 404 401 401
            DELETE /api/v1/posts/{post}                                  | private  | 204 204 204 403 404 403 404 401 401
            DELETE /api/v1/posts/{post}                                  | secret   | 204 204 204 403 404 403 404 401 401
            DELETE /api/v1/posts/{post}                                  | archived | 409 409 409 403 403 403 404 401 401
            DELETE /api/v1/posts/{post}                                  | profile  | 204 403 403 403 403 404 404 401 401

            GET    /api/v1/posts/{post}/revisions                        | public   | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/posts/{post}/revisions                        | secret   | 200 200 200 200 404 200 404 401 401

            POST   /api/v1/posts/{post}/pin                              | public   | 204 204 204 403 403 403 404 401 401
            POST   /api/v1/posts/{post}/pin                              | private  | 204 204 204 403 404 403 404 401 401
            POST   /api/v1/posts/{post}/pin                              | secret   | 204 204 204 403 404 403 404 401 401
            POST   /api/v1/posts/{post}/pin                              | archived | 409 409 409 403 403 403 404 401 401
            POST   /api/v1/posts/{post}/pin                              | profile  | 422 422 422 422 422 404 404 401 401
            DELETE /api/v1/posts/{post}/pin                              | secret   | 204 204 204 403 404 403 404 401 401

            GET    /api/v1/posts/{post}/comments                         | public   | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/posts/{post}/comments                         | private  | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/posts/{post}/comments                         | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/posts/{post}/comments                         | profile  | 200 200 200 200 200 404 404 401 401

            POST   /api/v1/posts/{post}/comments {"body":"Nice"}         | public   | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/posts/{post}/comments {"body":"Nice"}         | private  | 403 201 201 201 404 201 404 401 401
            POST   /api/v1/posts/{post}/comments {"body":"Nice"}         | secret   | 403 201 201 201 404 201 404 401 401
            POST   /api/v1/posts/{post}/comments {"body":"Nice"}         | archived | 409 409 409 409 409 409 404 401 401
            POST   /api/v1/posts/{post}/comments {"body":"Nice"}         | profile  | 201 201 201 201 201 404 404 401 401

            PATCH  /api/v1/comments/{comment} {"body":"changed"}         | public   | 403 403 403 403 403 403 404 401 401
            PATCH  /api/v1/comments/{comment} {"body":"changed"}         | secret   | 403 403 403 403 404 403 404 401 401
            DELETE /api/v1/comments/{comment}                            | public   | 204 204 204 403 403 403 404 401 401
            DELETE /api/v1/comments/{comment}                            | private  | 204 204 204 403 404 403 404 401 401
            DELETE /api/v1/comments/{comment}                            | secret   | 204 204 204 403 404 403 404 401 401
            DELETE /api/v1/comments/{comment}                            | archived | 409 409 409 403 403 403 404 401 401

            GET    /api/v1/posts/{post}/reactions                        | public   | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/posts/{post}/reactions                        | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/posts/{post}/reactions/heart                  | private  | 200 200 200 200 404 200 404 401 401
            PUT    /api/v1/posts/{post}/reactions/heart                  | public   | 403 204 204 204 403 204 404 401 401
            PUT    /api/v1/posts/{post}/reactions/heart                  | private  | 403 204 204 204 404 204 404 401 401
            PUT    /api/v1/posts/{post}/reactions/heart                  | secret   | 403 204 204 204 404 204 404 401 401
            PUT    /api/v1/posts/{post}/reactions/heart                  | archived | 409 409 409 409 409 409 404 401 401
            PUT    /api/v1/posts/{post}/reactions/heart                  | profile  | 204 204 204 204 204 404 404 401 401
            PUT    /api/v1/posts/{post}/reactions/nope                   | public   | 403 422 422 422 403 422 404 401 401
            DELETE /api/v1/posts/{post}/reactions/heart                  | secret   | 403 204 204 204 404 204 404 401 401

            PUT    /api/v1/follows/space/{id}                            | public   | 200 200 200 200 200 200 404 401 401
            PUT    /api/v1/follows/space/{id}                            | private  | 200 200 200 200 403 200 404 401 401
            PUT    /api/v1/follows/space/{id}                            | secret   | 200 200 200 200 404 200 404 401 401
            PUT    /api/v1/follows/post/{post}                           | secret   | 200 200 200 200 404 200 404 401 401
            PUT    /api/v1/follows/post/{post}                           | profile  | 200 200 200 200 200 404 404 401 401
            GET    /api/v1/follows/post/{post}                           | private  | 200 200 200 200 404 200 404 401 401
            PUT    /api/v1/spaces/{id}/mute                              | public   | 204 204 204 204 204 204 404 401 401
            PUT    /api/v1/spaces/{id}/mute                              | private  | 204 204 204 204 403 204 404 401 401
            PUT    /api/v1/spaces/{id}/mute                              | secret   | 204 204 204 204 404 204 404 401 401
            DELETE /api/v1/spaces/{id}/mute                              | secret   | 204 204 204 204 404 204 404 401 401
            """;

    enum Viewer { ADMIN, OWNER, MODERATOR, MEMBER, NON_MEMBER, GUEST_IN, GUEST_OUT, DEACTIVATED, ANONYMOUS }

    /** A space (null for profile posts) with a post by {@code author} and a comment on it. */
    record Fixture(Long spaceId, long postId, long commentId) {
    }

    private final Map<Viewer, TestUser> users = new EnumMap<>(Viewer.class);
    private final Map<Viewer, WebSession> sessions = new EnumMap<>(Viewer.class);
    private final Map<Viewer, ApiClient> apis = new EnumMap<>(Viewer.class);
    private final Map<String, Fixture> readOnly = new HashMap<>();
    private TestUser author;

    @BeforeAll
    void viewers() {
        users.put(Viewer.ADMIN, data.admin());
        users.put(Viewer.OWNER, data.member());
        users.put(Viewer.MODERATOR, data.member());
        users.put(Viewer.MEMBER, data.member());
        users.put(Viewer.NON_MEMBER, data.member());
        users.put(Viewer.GUEST_IN, data.guest());
        users.put(Viewer.GUEST_OUT, data.guest());
        users.put(Viewer.DEACTIVATED, data.member());
        author = data.member();
        data.addMember(data.space("PUBLIC", data.member()), users.get(Viewer.GUEST_OUT), "MEMBER");
        connect(users, Viewer.DEACTIVATED, Viewer.ANONYMOUS, sessions, apis);
    }

    @Test
    void htmlEndpoints() {
        assertMatrix(HTML, false);
    }

    @Test
    void apiEndpoints() {
        assertMatrix(API, true);
    }

    /** A secret space's posts never reach outsiders: not in any stream, tag stream or trending count. */
    @Test
    void secretPostsNeverLeakIntoStreamsOfOutsiders() {
        Fixture secret = fixture("secret");
        String tag = "leak" + System.nanoTime();
        Http posted = apis.get(Viewer.MEMBER).post("/api/v1/posts",
                "{\"spaceId\":\"" + secret.spaceId() + "\",\"body\":\"Top secret #" + tag + "\"}");
        assertThat(posted.status()).isEqualTo(201);
        for (Viewer v : List.of(Viewer.NON_MEMBER, Viewer.GUEST_OUT)) {
            ApiClient api = apis.get(v);
            api.put("/api/v1/follows/tag/" + tag, null);
            api.put("/api/v1/follows/user/" + users.get(Viewer.MEMBER).id(), null);
            for (String path : List.of("/api/v1/streams/home", "/api/v1/streams/home?unread=true",
                    "/api/v1/streams/company", "/api/v1/streams/tags/" + tag,
                    "/api/v1/streams/users/" + users.get(Viewer.MEMBER).id(), "/api/v1/tags/trending")) {
                assertThat(api.get(path).body()).as(v + " " + path).doesNotContain("Top secret").doesNotContain(tag);
            }
            for (String path : List.of("/", "/?unread=1", "/stream/company", "/tags/" + tag)) {
                assertThat(sessions.get(v).get(path).body()).as(v + " " + path).doesNotContain("Top secret");
            }
        }
        assertThat(apis.get(Viewer.GUEST_IN).get("/api/v1/streams/tags/" + tag).body()).contains("Top secret");
    }

    private void assertMatrix(String table, boolean api) {
        assertCells(table, Viewer.values(), 100, (row, v) -> call(api, v, row, fixtureFor(row)),
                (row, v) -> forgetRecentWrites(v));
    }

    /** The posting rate limit (PostFlowsIT) counts recent writes; the matrix writes more than that on purpose. */
    private void forgetRecentWrites(Viewer v) {
        if (users.containsKey(v)) {
            for (String table : List.of("posts", "comments")) {
                data.jdbc().sql("update " + table + " set created_at = created_at - interval '1 minute'"
                        + " where author_id = :u and created_at > now() - interval '1 minute'")
                        .param("u", users.get(v).id()).update();
            }
        }
    }

    private Http call(boolean api, Viewer v, Row row, Fixture f) {
        String path = fill(row.path(), f);
        String body = row.body() == null ? null : fill(row.body(), f);
        if (api) {
            return apis.get(v).send(row.method(), path, body);
        }
        WebSession s = sessions.get(v);
        if (row.method().equals("GET")) {
            return s.get(path);
        }
        Map<String, String> form = MatrixTable.form(body);
        return s.post(path, form);
    }

    private String fill(String template, Fixture f) {
        String s = template.replace("{author}", Long.toString(author.id()));
        if (f != null) {
            s = s.replace("{id}", String.valueOf(f.spaceId())).replace("{post}", Long.toString(f.postId()))
                    .replace("{comment}", Long.toString(f.commentId()));
        }
        return s;
    }

    /** A fresh space of the kind with everyone the columns need, a post by the author and a comment on it. */
    private Fixture fixture(String kind) {
        Long spaceId = null;
        if (!kind.equals("profile")) {
            String visibility = switch (kind) {
                case "public", "archived" -> "PUBLIC";
                case "private" -> "PRIVATE";
                case "secret" -> "SECRET";
                default -> throw new IllegalArgumentException("unknown kind " + kind);
            };
            spaceId = data.jdbc().sql("""
                            with s as (insert into spaces (name, visibility, created_by)
                                       values (:name, :vis, :owner) returning id),
                                 m as (insert into space_members (space_id, user_id, role, guest)
                                       select s.id, x.u, x.r, x.g from s, (values
                                           (cast(:owner as bigint), 'OWNER', false),
                                           (cast(:mod as bigint), 'MODERATOR', false),
                                           (cast(:member as bigint), 'MEMBER', false),
                                           (cast(:guest as bigint), 'MEMBER', true),
                                           (cast(:deactivated as bigint), 'MEMBER', false),
                                           (cast(:author as bigint), 'MEMBER', false)) as x(u, r, g))
                            select id from s""")
                    .param("name", TestData.unique("Stream " + kind)).param("vis", visibility)
                    .param("owner", users.get(Viewer.OWNER).id()).param("mod", users.get(Viewer.MODERATOR).id())
                    .param("member", users.get(Viewer.MEMBER).id()).param("guest", users.get(Viewer.GUEST_IN).id())
                    .param("deactivated", users.get(Viewer.DEACTIVATED).id()).param("author", author.id())
                    .query(Long.class).single();
        }
        long post = data.jdbc().sql("""
                        insert into posts (space_id, author_id, body, body_html, created_at, comment_count)
                        values (:s, :a, 'Matrix post', '<p>Matrix post</p>', now() - interval '1 hour', 1)
                        returning id""")
                .param("s", spaceId).param("a", author.id()).query(Long.class).single();
        long comment = data.jdbc().sql("""
                        insert into comments (post_id, author_id, body, body_html, created_at)
                        values (:p, :a, 'Matrix comment', '<p>Matrix comment</p>', now() - interval '1 hour')
                        returning id""")
                .param("p", post).param("a", author.id()).query(Long.class).single();
        if (kind.equals("archived")) {
            data.jdbc().sql("update spaces set archived_at = now() where id = :s").param("s", spaceId).update();
        }
        return new Fixture(spaceId, post, comment);
    }

    private Fixture fixtureFor(Row row) {
        if ("-".equals(row.kind())) {
            return null;
        }
        return row.method().equals("GET") ? readOnly.computeIfAbsent(row.kind(), this::fixture) : fixture(row.kind());
    }
}

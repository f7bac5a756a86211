package de.kontor.blogs;

import static de.kontor.support.MatrixTable.assertCells;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import de.kontor.support.AbstractIT;
import de.kontor.support.MatrixTable;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.MatrixTable.Row;
import de.kontor.support.TestData;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/**
 * Who gets which HTTP status from every blog endpoint, for every kind of viewer and blog; built like
 * {@code DecisionMatrixIT}. The tables ARE the specification.
 *
 * <ul>
 * <li>Kinds: space blogs {@code public}, {@code private}, {@code secret}, {@code archived} (an archived public
 * space), and {@code person} (the owner's own blog: every active member or administrator reads it, never guests).</li>
 * <li>Viewer columns: administrator (not a member), owner (space owner, author of the published article), moderator,
 * member (author of the draft), non-member (a company member), guest-in-space, guest-elsewhere, deactivated,
 * anonymous.</li>
 * <li>Placeholders: {@code {id}} the space, {@code {owner}} the owner's id, {@code {p}} the published article (with a
 * cover image), {@code {d}} the member's draft.</li>
 * <li>{@code L} is a redirect to {@code /login}; a plain {@code 302} is a successful form action.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlogMatrixIT extends AbstractIT {

    static final String HTML = """
            # endpoint                                                  | kind     | adm own mod mem non gIn gOut dea ano
            GET  /articles                                              | -        | 200 200 200 200 200 200 200 L   L
            GET  /articles/new                                          | -        | 200 200 200 200 200 200 200 L   L
            GET  /blogs/people/{owner}                                  | person   | 200 200 200 200 200 404 404 L   L

            GET  /spaces/{id}/blog                                      | public   | 200 200 200 200 200 200 404 L   L
            GET  /spaces/{id}/blog                                      | private  | 200 200 200 200 403 200 404 L   L
            GET  /spaces/{id}/blog                                      | secret   | 200 200 200 200 404 200 404 L   L
            GET  /spaces/{id}/blog                                      | archived | 200 200 200 200 200 200 404 L   L

            GET  /articles/new?spaceId={id}                             | public   | 403 200 200 200 403 200 404 L   L
            GET  /articles/new?spaceId={id}                             | secret   | 403 200 200 200 404 200 404 L   L
            GET  /articles/new?spaceId={id}                             | archived | 403 409 409 409 403 409 404 L   L

            POST /articles spaceId={id}&title=T&action=DRAFT            | public   | 403 302 302 302 403 302 404 L   L
            POST /articles spaceId={id}&title=T&action=PUBLISH          | private  | 403 302 302 302 403 302 404 L   L
            POST /articles spaceId={id}&title=T&action=PUBLISH          | secret   | 403 302 302 302 404 302 404 L   L
            POST /articles spaceId={id}&title=T&action=DRAFT            | archived | 403 409 409 409 403 409 404 L   L
            POST /articles spaceId=&title=T&action=PUBLISH              | person   | 302 302 302 302 302 403 403 L   L

            GET  /articles/{p}                                          | public   | 200 200 200 200 200 200 404 L   L
            GET  /articles/{p}                                          | private  | 200 200 200 200 404 200 404 L   L
            GET  /articles/{p}                                          | secret   | 200 200 200 200 404 200 404 L   L
            GET  /articles/{p}                                          | archived | 200 200 200 200 200 200 404 L   L
            GET  /articles/{p}                                          | person   | 200 200 200 200 200 404 404 L   L

            GET  /articles/{p}/cover                                    | public   | 200 200 200 200 200 200 404 L   L
            GET  /articles/{p}/cover                                    | secret   | 200 200 200 200 404 200 404 L   L
            GET  /articles/{p}/cover                                    | person   | 200 200 200 200 200 404 404 L   L

            GET  /articles/{d}                                          | public   | 200 200 200 200 404 404 404 L   L
            GET  /articles/{d}                                          | secret   | 200 200 200 200 404 404 404 L   L
            GET  /articles/{d}                                          | person   | 404 404 404 200 404 404 404 L   L

            GET  /articles/{p}/edit                                     | public   | 200 200 200 403 403 403 404 L   L
            GET  /articles/{p}/edit                                     | private  | 200 200 200 403 404 403 404 L   L
            GET  /articles/{p}/edit                                     | archived | 409 409 409 403 403 403 404 L   L
            GET  /articles/{p}/edit                                     | person   | 403 200 403 403 403 404 404 L   L

            POST /articles/{p}/edit title=T2&action=PUBLISH             | public   | 302 302 302 403 403 403 404 L   L
            POST /articles/{p}/edit title=T2&action=PUBLISH             | secret   | 302 302 302 403 404 403 404 L   L
            POST /articles/{p}/edit title=T2&action=PUBLISH             | archived | 409 409 409 403 403 403 404 L   L
            POST /articles/{p}/edit title=T2&action=PUBLISH             | person   | 403 302 403 403 403 404 404 L   L

            POST /articles/{d}/edit title=T2&action=PUBLISH             | public   | 302 302 302 302 404 404 404 L   L
            POST /articles/{d}/edit title=T2&action=PUBLISH             | person   | 404 404 404 302 404 404 404 L   L

            POST /articles/{p}/delete                                   | public   | 302 302 302 403 403 403 404 L   L
            POST /articles/{p}/delete                                   | private  | 302 302 302 403 404 403 404 L   L
            POST /articles/{p}/delete                                   | archived | 409 409 409 403 403 403 404 L   L
            POST /articles/{p}/delete                                   | person   | 302 302 403 403 403 404 404 L   L
            """;

    static final String API = """
            # endpoint                                                        | kind     | adm own mod mem non gIn gOut dea ano
            GET    /api/v1/articles                                           | -        | 200 200 200 200 200 200 200 401 401
            GET    /api/v1/articles/drafts                                    | -        | 200 200 200 200 200 200 200 401 401
            GET    /api/v1/blogs/people/{owner}                               | person   | 200 200 200 200 200 404 404 401 401
            GET    /api/v1/blogs/spaces/{id}                                  | public   | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/blogs/spaces/{id}                                  | private  | 200 200 200 200 403 200 404 401 401
            GET    /api/v1/blogs/spaces/{id}                                  | secret   | 200 200 200 200 404 200 404 401 401

            POST   /api/v1/articles {"spaceId":"{id}","title":"T","state":"PUBLISHED"}
                                                                              | public   | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/articles {"spaceId":"{id}","title":"T"}           | secret   | 403 201 201 201 404 201 404 401 401
            POST   /api/v1/articles {"spaceId":"{id}","title":"T"}           | archived | 403 409 409 409 403 409 404 401 401
            POST   /api/v1/articles {"title":"T","state":"PUBLISHED"}         | person   | 201 201 201 201 201 403 403 401 401

            GET    /api/v1/articles/{p}                                       | private  | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/articles/{p}                                       | person   | 200 200 200 200 200 404 404 401 401
            GET    /api/v1/articles/{d}                                       | private  | 200 200 200 200 404 404 404 401 401
            GET    /api/v1/articles/{d}                                       | person   | 404 404 404 200 404 404 404 401 401

            PATCH  /api/v1/articles/{p} {"title":"T2"}                        | public   | 200 200 200 403 403 403 404 401 401
            PATCH  /api/v1/articles/{p} {"title":"T2"}                        | archived | 409 409 409 403 403 403 404 401 401
            PATCH  /api/v1/articles/{p} {"title":"T2"}                        | person   | 403 200 403 403 403 404 404 401 401
            DELETE /api/v1/articles/{p}                                       | secret   | 204 204 204 403 404 403 404 401 401
            DELETE /api/v1/articles/{p}                                       | person   | 204 204 403 403 403 404 404 401 401
            """;

    /** A 1×1 PNG. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    enum Viewer { ADMIN, OWNER, MODERATOR, MEMBER, NON_MEMBER, GUEST_IN, GUEST_OUT, DEACTIVATED, ANONYMOUS }

    record Fixture(Long spaceId, long published, long draft) {
    }

    private final Map<Viewer, TestUser> users = new EnumMap<>(Viewer.class);
    private final Map<Viewer, WebSession> sessions = new EnumMap<>(Viewer.class);
    private final Map<Viewer, ApiClient> apis = new EnumMap<>(Viewer.class);
    private final Map<String, Fixture> readOnly = new HashMap<>();

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
        data.addMember(data.space("PUBLIC", data.member()), users.get(Viewer.GUEST_OUT), "MEMBER");
        connect(users, Viewer.DEACTIVATED, Viewer.ANONYMOUS, sessions, apis);
    }

    @Test
    void htmlEndpoints() {
        assertCells(HTML, Viewer.values(), 350, (row, v) -> call(false, v, row, fixtureFor(row)),
                (row, v) -> forgetRecentWrites(v));
    }

    @Test
    void apiEndpoints() {
        assertCells(API, Viewer.values(), 150, (row, v) -> call(true, v, row, fixtureFor(row)),
                (row, v) -> forgetRecentWrites(v));
    }

    /** Publishing posts an announcement; the posting rate limit counts it, and the matrix publishes a lot. */
    private void forgetRecentWrites(Viewer v) {
        if (users.containsKey(v)) {
            data.jdbc().sql("update posts set created_at = created_at - interval '1 minute'"
                            + " where author_id = :u and created_at > now() - interval '1 minute'")
                    .param("u", users.get(v).id()).update();
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
        String s = template.replace("{owner}", Long.toString(users.get(Viewer.OWNER).id()));
        if (f == null) {
            return s;
        }
        return s.replace("{id}", f.spaceId() == null ? "" : Long.toString(f.spaceId()))
                .replace("{p}", Long.toString(f.published())).replace("{d}", Long.toString(f.draft()));
    }

    /** A fresh blog of the kind: a published article with cover by the owner and a draft by the member. */
    private Fixture fixture(String kind) {
        long owner = users.get(Viewer.OWNER).id();
        Long space = null;
        if (!kind.equals("person")) {
            String visibility = switch (kind) {
                case "public", "archived" -> "PUBLIC";
                case "private" -> "PRIVATE";
                case "secret" -> "SECRET";
                default -> throw new IllegalArgumentException("unknown kind " + kind);
            };
            space = data.jdbc().sql("""
                            with s as (insert into spaces (name, visibility, created_by)
                                       values (:name, :vis, :owner) returning id),
                                 m as (insert into space_members (space_id, user_id, role, guest)
                                       select s.id, x.u, x.r, x.g from s, (values
                                           (cast(:owner as bigint), 'OWNER', false),
                                           (cast(:mod as bigint), 'MODERATOR', false),
                                           (cast(:member as bigint), 'MEMBER', false),
                                           (cast(:guest as bigint), 'MEMBER', true),
                                           (cast(:deactivated as bigint), 'MEMBER', false)) as x(u, r, g))
                            select id from s""")
                    .param("name", TestData.unique("Blog " + kind)).param("vis", visibility).param("owner", owner)
                    .param("mod", users.get(Viewer.MODERATOR).id()).param("member", users.get(Viewer.MEMBER).id())
                    .param("guest", users.get(Viewer.GUEST_IN).id())
                    .param("deactivated", users.get(Viewer.DEACTIVATED).id()).query(Long.class).single();
        }
        long published = data.jdbc().sql("""
                        insert into blog_articles (space_id, author_id, title, state, published_at, cover_type, cover)
                        values (:s, :a, 'Matrix article', 'PUBLISHED', now(), 'image/png', :png) returning id""")
                .param("s", space).param("a", owner).param("png", PNG).query(Long.class).single();
        long draft = data.jdbc().sql("""
                        insert into blog_articles (space_id, author_id, title, state)
                        values (:s, :a, 'Matrix draft', 'DRAFT') returning id""")
                .param("s", space).param("a", users.get(Viewer.MEMBER).id()).query(Long.class).single();
        if (kind.equals("archived")) {
            data.jdbc().sql("update spaces set archived_at = now() where id = :s").param("s", space).update();
        }
        return new Fixture(space, published, draft);
    }

    private Fixture fixtureFor(Row row) {
        if ("-".equals(row.kind())) {
            return null;
        }
        return row.method().equals("GET") ? readOnly.computeIfAbsent(row.kind(), this::fixture) : fixture(row.kind());
    }
}

package de.kontor.bookmarks;

import static de.kontor.support.MatrixTable.assertCells;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Who gets which HTTP status from every bookmark endpoint; built like {@code WikiMatrixIT}.
 *
 * <p>Row format: {@code METHOD path [body] | kind | one status per viewer column}. Kinds: {@code public},
 * {@code private}, {@code secret}, {@code archived} (an archived public space) — the bookmark {@code {bm}} is saved
 * into such a space by another member ({@code author}); {@code mine} — {@code {bm}} is a private bookmark of the
 * member column; {@code -} — no fixture. Viewer columns as in the other matrices. {@code {url}} is a fresh public
 * address per cell, so that no save is a duplicate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookmarkMatrixIT extends AbstractIT {

    static final String HTML = """
            # endpoint                                             | kind     | adm own mod mem non gIn gOut dea ano
            GET  /bookmarks                                        | -        | 200 200 200 200 200 200 200 L   L
            GET  /bookmarks/new?url=https://example.org/           | -        | 200 200 200 200 200 200 200 L   L
            GET  /bookmarks/popular                                | -        | 200 200 200 200 200 200 200 L   L
            GET  /bookmarks/import                                 | -        | 200 200 200 200 200 200 200 L   L
            GET  /bookmarks/export.html                            | -        | 200 200 200 200 200 200 200 L   L
            POST /bookmarks url={url}&title=Privat                 | -        | 302 302 302 302 302 302 302 L   L
            POST /bookmarks url={url}&title=Team&spaceId={id}      | public   | 403 302 302 302 403 302 404 L   L
            POST /bookmarks url={url}&title=Team&spaceId={id}      | secret   | 403 302 302 302 404 302 404 L   L
            POST /bookmarks url={url}&title=Team&spaceId={id}      | archived | 403 409 409 409 403 409 404 L   L

            GET  /bookmarks/{bm}                                   | public   | 200 200 200 200 200 200 404 L   L
            GET  /bookmarks/{bm}                                   | private  | 200 200 200 200 404 200 404 L   L
            GET  /bookmarks/{bm}                                   | secret   | 200 200 200 200 404 200 404 L   L
            GET  /bookmarks/{bm}                                   | mine     | 404 404 404 200 404 404 404 L   L
            GET  /bookmarks/{bm}/edit                              | public   | 403 403 403 403 403 403 404 L   L
            GET  /bookmarks/{bm}/edit                              | mine     | 404 404 404 200 404 404 404 L   L
            POST /bookmarks/{bm}/edit url={url}&title=Neu          | private  | 403 403 403 403 404 403 404 L   L
            POST /bookmarks/{bm}/edit url={url}&title=Neu          | mine     | 404 404 404 302 404 404 404 L   L
            POST /bookmarks/{bm}/delete                            | public   | 302 302 302 403 403 403 404 L   L
            POST /bookmarks/{bm}/delete                            | secret   | 302 302 302 403 404 403 404 L   L
            POST /bookmarks/{bm}/delete                            | archived | 409 409 409 403 403 403 404 L   L
            POST /bookmarks/{bm}/delete                            | mine     | 404 404 404 302 404 404 404 L   L

            GET  /spaces/{id}/bookmarks                            | public   | 200 200 200 200 200 200 404 L   L
            GET  /spaces/{id}/bookmarks                            | private  | 200 200 200 200 403 200 404 L   L
            GET  /spaces/{id}/bookmarks                            | secret   | 200 200 200 200 404 200 404 L   L
            """;

    static final String API = """
            # endpoint                                                      | kind     | adm own mod mem non gIn gOut dea ano
            GET    /api/v1/bookmarks                                        | -        | 200 200 200 200 200 200 200 401 401
            GET    /api/v1/bookmarks/popular                                | -        | 200 200 200 200 200 200 200 401 401
            GET    /api/v1/bookmarks/export                                 | -        | 200 200 200 200 200 200 200 401 401
            POST   /api/v1/bookmarks {"url":"{url}","title":"Privat"}       | -        | 201 201 201 201 201 201 201 401 401
            POST   /api/v1/bookmarks/preview {"url":"ftp://example.org/"}   | -        | 422 422 422 422 422 422 422 401 401
            POST   /api/v1/bookmarks {"url":"{url}","title":"T","spaceId":"{id}"}
                                                                            | public   | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/bookmarks {"url":"{url}","title":"T","spaceId":"{id}"}
                                                                            | private  | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/bookmarks {"url":"{url}","title":"T","spaceId":"{id}"}
                                                                            | secret   | 403 201 201 201 404 201 404 401 401
            POST   /api/v1/bookmarks {"url":"{url}","title":"T","spaceId":"{id}"}
                                                                            | archived | 403 409 409 409 403 409 404 401 401

            GET    /api/v1/bookmarks/{bm}                                   | public   | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/bookmarks/{bm}                                   | private  | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/bookmarks/{bm}                                   | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/bookmarks/{bm}                                   | archived | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/bookmarks/{bm}                                   | mine     | 404 404 404 200 404 404 404 401 401
            PATCH  /api/v1/bookmarks/{bm} {"title":"Neu"}                   | public   | 403 403 403 403 403 403 404 401 401
            PATCH  /api/v1/bookmarks/{bm} {"title":"Neu"}                   | secret   | 403 403 403 403 404 403 404 401 401
            PATCH  /api/v1/bookmarks/{bm} {"title":"Neu"}                   | mine     | 404 404 404 200 404 404 404 401 401
            DELETE /api/v1/bookmarks/{bm}                                   | public   | 204 204 204 403 403 403 404 401 401
            DELETE /api/v1/bookmarks/{bm}                                   | private  | 204 204 204 403 404 403 404 401 401
            DELETE /api/v1/bookmarks/{bm}                                   | archived | 409 409 409 403 403 403 404 401 401
            DELETE /api/v1/bookmarks/{bm}                                   | mine     | 404 404 404 204 404 404 404 401 401

            GET    /api/v1/spaces/{id}/bookmarks                            | public   | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/spaces/{id}/bookmarks                            | private  | 200 200 200 200 403 200 404 401 401
            GET    /api/v1/spaces/{id}/bookmarks                            | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/spaces/{id}/bookmarks                            | archived | 200 200 200 200 200 200 404 401 401
            """;

    enum Viewer { ADMIN, OWNER, MODERATOR, MEMBER, NON_MEMBER, GUEST_IN, GUEST_OUT, DEACTIVATED, ANONYMOUS }

    record Fixture(long spaceId, long bookmarkId) {
    }

    private static final AtomicInteger URLS = new AtomicInteger();

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
        assertCells(HTML, Viewer.values(), 200, (row, v) -> call(false, v, row, fixtureFor(row)), (row, v) -> { });
    }

    @Test
    void apiEndpoints() {
        assertCells(API, Viewer.values(), 200, (row, v) -> call(true, v, row, fixtureFor(row)), (row, v) -> { });
    }

    private Http call(boolean api, Viewer v, Row row, Fixture f) {
        String url = "https://93.184.215.14/matrix/" + URLS.incrementAndGet();
        String path = fill(row.path(), f, url);
        String body = row.body() == null ? null : fill(row.body(), f, url);
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

    private static String fill(String template, Fixture f, String url) {
        String t = template.replace("{url}", url);
        return f == null ? t : t.replace("{id}", Long.toString(f.spaceId())).replace("{bm}", Long.toString(f.bookmarkId()));
    }

    private Fixture fixture(String kind) {
        if (kind.equals("mine")) {
            long id = insertBookmark(users.get(Viewer.MEMBER).id(), null);
            return new Fixture(0, id);
        }
        String visibility = switch (kind) {
            case "public", "archived" -> "PUBLIC";
            case "private" -> "PRIVATE";
            case "secret" -> "SECRET";
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
        long spaceId = data.jdbc().sql("""
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
                .param("name", TestData.unique("Bookmarks " + kind)).param("vis", visibility)
                .param("owner", users.get(Viewer.OWNER).id()).param("mod", users.get(Viewer.MODERATOR).id())
                .param("member", users.get(Viewer.MEMBER).id()).param("guest", users.get(Viewer.GUEST_IN).id())
                .param("deactivated", users.get(Viewer.DEACTIVATED).id()).param("author", author.id())
                .query(Long.class).single();
        long id = insertBookmark(author.id(), spaceId);
        if (kind.equals("archived")) {
            data.jdbc().sql("update spaces set archived_at = now() where id = :s").param("s", spaceId).update();
        }
        return new Fixture(spaceId, id);
    }

    private long insertBookmark(long owner, Long spaceId) {
        String url = "https://93.184.215.14/fixture/" + URLS.incrementAndGet();
        return data.jdbc().sql("""
                        insert into bookmarks (owner_id, space_id, url, url_key, title)
                        values (:o, :s, :u, :u, 'Matrix-Link') returning id""")
                .param("o", owner).param("s", spaceId).param("u", url).query(Long.class).single();
    }

    private Fixture fixtureFor(Row row) {
        if ("-".equals(row.kind())) {
            return null;
        }
        return row.method().equals("GET") ? readOnly.computeIfAbsent(row.kind(), this::fixture) : fixture(row.kind());
    }
}

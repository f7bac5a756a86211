package de.kontor.wiki;

import static de.kontor.support.MatrixTable.assertCells;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import de.kontor.support.AbstractIT;
import de.kontor.support.MatrixTable;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.MatrixTable.Row;
import de.kontor.support.TestData;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/**
 * Who gets which HTTP status from every wiki endpoint, for every kind of viewer and space; built like
 * {@code StreamMatrixIT}. The tables ARE the specification of the wiki's permissions.
 *
 * <p>Row format: {@code METHOD path [body] | kind | one status per viewer column}.
 * <ul>
 * <li>Kinds: {@code public}, {@code private}, {@code secret}, {@code archived} (an archived public space),
 * {@code restricted} (a public space whose page is restricted to the space's owners and moderators), {@code -}.</li>
 * <li>Viewer columns: administrator (not a member), owner, moderator, member, non-member (a company member),
 * guest-in-space (a guest who is a member), guest-elsewhere (a guest in another space), deactivated (a former
 * member), anonymous.</li>
 * <li>{@code L} is a redirect to {@code /login}; a plain {@code 302} is a successful form action. {@code UPLOAD} posts
 * a small text file as multipart form data; API calls of PATCH and PUT send {@code If-Match: *}.</li>
 * <li>Placeholders: {@code {id}} the space, {@code {page}} a page written by another member ({@code author}) with
 * revision {@code {rev}}, a comment {@code {comment}} by the author and the attachment {@code matrix.txt};
 * {@code {tpl}} a template of the space.</li>
 * </ul>
 * Every writing cell gets a fresh space and page; GET cells of one kind share them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WikiMatrixIT extends AbstractIT {

    static final String HTML = """
            # endpoint                                              | kind       | adm own mod mem non gIn gOut dea ano
            GET  /wiki                                              | -          | 200 200 200 200 200 200 200 L   L

            GET  /spaces/{id}/wiki                                  | public     | 200 200 200 200 200 200 404 L   L
            GET  /spaces/{id}/wiki                                  | private    | 200 200 200 200 403 200 404 L   L
            GET  /spaces/{id}/wiki                                  | secret     | 200 200 200 200 404 200 404 L   L
            GET  /spaces/{id}/wiki                                  | archived   | 200 200 200 200 200 200 404 L   L
            GET  /spaces/{id}/wiki/labels/matrix                    | private    | 200 200 200 200 403 200 404 L   L
            GET  /spaces/{id}/wiki/templates                        | secret     | 200 200 200 200 404 200 404 L   L

            GET  /spaces/{id}/wiki/new                              | public     | 403 200 200 200 403 200 404 L   L
            GET  /spaces/{id}/wiki/new                              | private    | 403 200 200 200 403 200 404 L   L
            GET  /spaces/{id}/wiki/new                              | secret     | 403 200 200 200 404 200 404 L   L
            GET  /spaces/{id}/wiki/new                              | archived   | 403 409 409 409 403 409 404 L   L
            POST /spaces/{id}/wiki title=Neu&body=x                 | public     | 403 302 302 302 403 302 404 L   L
            POST /spaces/{id}/wiki title=Neu&body=x                 | private    | 403 302 302 302 403 302 404 L   L
            POST /spaces/{id}/wiki title=Neu&body=x                 | secret     | 403 302 302 302 404 302 404 L   L
            POST /spaces/{id}/wiki title=Neu&body=x                 | archived   | 403 409 409 409 403 409 404 L   L

            GET  /spaces/{id}/wiki/{page}                           | public     | 200 200 200 200 200 200 404 L   L
            GET  /spaces/{id}/wiki/{page}                           | private    | 200 200 200 200 404 200 404 L   L
            GET  /spaces/{id}/wiki/{page}                           | secret     | 200 200 200 200 404 200 404 L   L
            GET  /spaces/{id}/wiki/{page}                           | archived   | 200 200 200 200 200 200 404 L   L
            GET  /spaces/{id}/wiki/{page}                           | restricted | 200 200 200 200 200 200 404 L   L

            GET  /spaces/{id}/wiki/{page}/edit                      | public     | 403 200 200 200 403 200 404 L   L
            GET  /spaces/{id}/wiki/{page}/edit                      | private    | 403 200 200 200 404 200 404 L   L
            GET  /spaces/{id}/wiki/{page}/edit                      | restricted | 403 200 200 403 403 403 404 L   L
            GET  /spaces/{id}/wiki/{page}/edit                      | archived   | 403 409 409 409 403 409 404 L   L
            POST /spaces/{id}/wiki/{page}/edit baseRevisionId={rev}&title=Matrixseite&body=neu
                                                                    | public     | 403 302 302 302 403 302 404 L   L
            POST /spaces/{id}/wiki/{page}/edit baseRevisionId={rev}&title=Matrixseite&body=neu
                                                                    | secret     | 403 302 302 302 404 302 404 L   L
            POST /spaces/{id}/wiki/{page}/edit baseRevisionId={rev}&title=Matrixseite&body=neu
                                                                    | restricted | 403 302 302 403 403 403 404 L   L
            POST /spaces/{id}/wiki/{page}/edit baseRevisionId={rev}&title=Matrixseite&body=neu
                                                                    | archived   | 403 409 409 409 403 409 404 L   L

            POST /spaces/{id}/wiki/{page}/delete                    | public     | 403 302 302 403 403 403 404 L   L
            POST /spaces/{id}/wiki/{page}/delete                    | secret     | 403 302 302 403 404 403 404 L   L
            POST /spaces/{id}/wiki/{page}/delete                    | restricted | 403 302 302 403 403 403 404 L   L
            POST /spaces/{id}/wiki/{page}/delete                    | archived   | 403 409 409 409 403 409 404 L   L
            GET  /spaces/{id}/wiki/{page}/move                      | restricted | 403 200 200 403 403 403 404 L   L
            POST /spaces/{id}/wiki/{page}/move parentId=            | public     | 403 302 302 302 403 302 404 L   L
            POST /spaces/{id}/wiki/{page}/move parentId=            | restricted | 403 302 302 403 403 403 404 L   L
            POST /spaces/{id}/wiki/{page}/reorder direction=up      | private    | 403 302 302 302 404 302 404 L   L
            POST /spaces/{id}/wiki/{page}/restrict restricted=true  | public     | 403 302 302 403 403 403 404 L   L
            POST /spaces/{id}/wiki/{page}/restrict restricted=true  | secret     | 403 302 302 403 404 403 404 L   L

            GET  /spaces/{id}/wiki/{page}/history                   | public     | 200 200 200 200 200 200 404 L   L
            GET  /spaces/{id}/wiki/{page}/history                   | private    | 200 200 200 200 404 200 404 L   L
            GET  /spaces/{id}/wiki/{page}/revisions/{rev}           | secret     | 200 200 200 200 404 200 404 L   L
            GET  /spaces/{id}/wiki/{page}/diff?from={rev}&to={rev}  | private    | 200 200 200 200 404 200 404 L   L
            GET  /spaces/{id}/wiki/{page}/history.atom              | private    | 200 200 200 200 404 200 404 L   L
            GET  /spaces/{id}/wiki/{page}/history.atom              | restricted | 200 200 200 200 200 200 404 L   L
            POST /spaces/{id}/wiki/{page}/revisions/{rev}/restore   | public     | 403 302 302 302 403 302 404 L   L
            POST /spaces/{id}/wiki/{page}/revisions/{rev}/restore   | restricted | 403 302 302 403 403 403 404 L   L

            POST /spaces/{id}/wiki/{page}/watch                     | public     | 302 302 302 302 302 302 404 L   L
            POST /spaces/{id}/wiki/{page}/watch                     | private    | 302 302 302 302 404 302 404 L   L
            POST /spaces/{id}/wiki/{page}/comments body=Gut         | public     | 403 302 302 302 403 302 404 L   L
            POST /spaces/{id}/wiki/{page}/comments body=Gut         | private    | 403 302 302 302 404 302 404 L   L
            POST /spaces/{id}/wiki/{page}/comments body=Gut         | restricted | 403 302 302 302 403 302 404 L   L
            POST /spaces/{id}/wiki/{page}/comments body=Gut         | archived   | 403 409 409 409 403 409 404 L   L
            POST /spaces/{id}/wiki/{page}/comments/{comment}/delete | public     | 302 302 302 403 403 403 404 L   L
            POST /spaces/{id}/wiki/{page}/comments/{comment}/delete | secret     | 302 302 302 403 404 403 404 L   L
            POST /spaces/{id}/wiki/{page}/comments/{comment}/delete | archived   | 409 409 409 403 403 403 404 L   L

            GET    /spaces/{id}/wiki/{page}/attachments/matrix.txt  | public     | 200 200 200 200 200 200 404 L   L
            GET    /spaces/{id}/wiki/{page}/attachments/matrix.txt  | secret     | 200 200 200 200 404 200 404 L   L
            UPLOAD /spaces/{id}/wiki/{page}/attachments             | public     | 403 302 302 302 403 302 404 L   L
            UPLOAD /spaces/{id}/wiki/{page}/attachments             | restricted | 403 302 302 403 403 403 404 L   L
            UPLOAD /spaces/{id}/wiki/{page}/attachments             | archived   | 403 409 409 409 403 409 404 L   L
            POST /spaces/{id}/wiki/{page}/attachments/matrix.txt/delete
                                                                    | private    | 403 302 302 302 404 302 404 L   L

            GET  /spaces/{id}/wiki/{page}/export.zip?tree=true      | private    | 200 200 200 200 404 200 404 L   L
            GET  /spaces/{id}/wiki/{page}/print                     | secret     | 200 200 200 200 404 200 404 L   L

            POST /spaces/{id}/wiki/templates name=Vorlage&body=x    | public     | 302 302 302 403 403 403 404 L   L
            POST /spaces/{id}/wiki/templates name=Vorlage&body=x    | private    | 302 302 302 403 403 403 404 L   L
            POST /spaces/{id}/wiki/templates name=Vorlage&body=x    | secret     | 302 302 302 403 404 403 404 L   L
            POST /spaces/{id}/wiki/templates name=Vorlage&body=x    | archived   | 409 409 409 403 403 403 404 L   L
            POST /spaces/{id}/wiki/templates/{tpl}/delete           | public     | 302 302 302 403 403 403 404 L   L
            """;

    static final String API = """
            # endpoint                                                        | kind       | adm own mod mem non gIn gOut dea ano
            GET    /api/v1/spaces/{id}/wiki/pages                             | public     | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/spaces/{id}/wiki/pages                             | private    | 200 200 200 200 403 200 404 401 401
            GET    /api/v1/spaces/{id}/wiki/pages                             | secret     | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/spaces/{id}/wiki/tree                              | private    | 200 200 200 200 403 200 404 401 401
            GET    /api/v1/spaces/{id}/wiki/tree                              | archived   | 200 200 200 200 200 200 404 401 401

            POST   /api/v1/spaces/{id}/wiki/pages {"title":"Neu"}             | public     | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/spaces/{id}/wiki/pages {"title":"Neu"}             | private    | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/spaces/{id}/wiki/pages {"title":"Neu"}             | secret     | 403 201 201 201 404 201 404 401 401
            POST   /api/v1/spaces/{id}/wiki/pages {"title":"Neu"}             | archived   | 403 409 409 409 403 409 404 401 401
            POST   /api/v1/spaces/{id}/wiki/pages {"title":"Neu","restricted":true}
                                                                              | public     | 403 201 201 403 403 403 404 401 401

            GET    /api/v1/spaces/{id}/wiki/pages/{page}                      | public     | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/spaces/{id}/wiki/pages/{page}                      | private    | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/spaces/{id}/wiki/pages/{page}                      | secret     | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/spaces/{id}/wiki/pages/{page}                      | restricted | 200 200 200 200 200 200 404 401 401

            PATCH  /api/v1/spaces/{id}/wiki/pages/{page} {"text":"neu"}       | public     | 403 200 200 200 403 200 404 401 401
            PATCH  /api/v1/spaces/{id}/wiki/pages/{page} {"text":"neu"}       | private    | 403 200 200 200 404 200 404 401 401
            PATCH  /api/v1/spaces/{id}/wiki/pages/{page} {"text":"neu"}       | secret     | 403 200 200 200 404 200 404 401 401
            PATCH  /api/v1/spaces/{id}/wiki/pages/{page} {"text":"neu"}       | restricted | 403 200 200 403 403 403 404 401 401
            PATCH  /api/v1/spaces/{id}/wiki/pages/{page} {"text":"neu"}       | archived   | 403 409 409 409 403 409 404 401 401
            PUT    /api/v1/spaces/{id}/wiki/pages/{page} {"title":"Matrixseite","text":"neu"}
                                                                              | restricted | 403 200 200 403 403 403 404 401 401
            DELETE /api/v1/spaces/{id}/wiki/pages/{page}                      | public     | 403 204 204 403 403 403 404 401 401
            DELETE /api/v1/spaces/{id}/wiki/pages/{page}                      | private    | 403 204 204 403 404 403 404 401 401
            DELETE /api/v1/spaces/{id}/wiki/pages/{page}                      | archived   | 403 409 409 409 403 409 404 401 401
            POST   /api/v1/spaces/{id}/wiki/pages/{page}/move {"parentId":null}
                                                                              | public     | 403 200 200 200 403 200 404 401 401
            POST   /api/v1/spaces/{id}/wiki/pages/{page}/move {"parentId":null}
                                                                              | restricted | 403 200 200 403 403 403 404 401 401
            PUT    /api/v1/spaces/{id}/wiki/pages/{page}/restriction {"restricted":true}
                                                                              | public     | 403 204 204 403 403 403 404 401 401
            PUT    /api/v1/spaces/{id}/wiki/pages/{page}/restriction {"restricted":false}
                                                                              | secret     | 403 204 204 403 404 403 404 401 401
            GET    /api/v1/spaces/{id}/wiki/pages/{page}/backlinks            | private    | 200 200 200 200 404 200 404 401 401

            GET    /api/v1/spaces/{id}/wiki/pages/{page}/revisions            | public     | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/spaces/{id}/wiki/pages/{page}/revisions            | secret     | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/spaces/{id}/wiki/pages/{page}/revisions/{rev}      | private    | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/spaces/{id}/wiki/pages/{page}/diff?from={rev}&to={rev}
                                                                              | secret     | 200 200 200 200 404 200 404 401 401
            POST   /api/v1/spaces/{id}/wiki/pages/{page}/revisions/{rev}/restore
                                                                              | public     | 403 200 200 200 403 200 404 401 401
            POST   /api/v1/spaces/{id}/wiki/pages/{page}/revisions/{rev}/restore
                                                                              | restricted | 403 200 200 403 403 403 404 401 401

            GET    /api/v1/spaces/{id}/wiki/pages/{page}/attachments          | private    | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/spaces/{id}/wiki/pages/{page}/attachments/matrix.txt
                                                                              | secret     | 200 200 200 200 404 200 404 401 401
            UPLOAD /api/v1/spaces/{id}/wiki/pages/{page}/attachments          | public     | 403 201 201 201 403 201 404 401 401
            UPLOAD /api/v1/spaces/{id}/wiki/pages/{page}/attachments          | private    | 403 201 201 201 404 201 404 401 401
            UPLOAD /api/v1/spaces/{id}/wiki/pages/{page}/attachments          | restricted | 403 201 201 403 403 403 404 401 401
            DELETE /api/v1/spaces/{id}/wiki/pages/{page}/attachments/matrix.txt
                                                                              | public     | 403 204 204 204 403 204 404 401 401
            DELETE /api/v1/spaces/{id}/wiki/pages/{page}/attachments/matrix.txt
                                                                              | archived   | 403 409 409 409 403 409 404 401 401

            GET    /api/v1/spaces/{id}/wiki/pages/{page}/comments             | public     | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/spaces/{id}/wiki/pages/{page}/comments             | private    | 200 200 200 200 404 200 404 401 401
            POST   /api/v1/spaces/{id}/wiki/pages/{page}/comments {"text":"Gut"}
                                                                              | public     | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/spaces/{id}/wiki/pages/{page}/comments {"text":"Gut"}
                                                                              | secret     | 403 201 201 201 404 201 404 401 401
            POST   /api/v1/spaces/{id}/wiki/pages/{page}/comments {"text":"Gut"}
                                                                              | archived   | 403 409 409 409 403 409 404 401 401
            DELETE /api/v1/spaces/{id}/wiki/pages/{page}/comments/{comment}   | public     | 204 204 204 403 403 403 404 401 401
            DELETE /api/v1/spaces/{id}/wiki/pages/{page}/comments/{comment}   | private    | 204 204 204 403 404 403 404 401 401
            DELETE /api/v1/spaces/{id}/wiki/pages/{page}/comments/{comment}   | archived   | 409 409 409 403 403 403 404 401 401

            PUT    /api/v1/spaces/{id}/wiki/pages/{page}/watch                | public     | 204 204 204 204 204 204 404 401 401
            PUT    /api/v1/spaces/{id}/wiki/pages/{page}/watch                | private    | 204 204 204 204 404 204 404 401 401
            DELETE /api/v1/spaces/{id}/wiki/pages/{page}/watch                | secret     | 204 204 204 204 404 204 404 401 401
            GET    /api/v1/spaces/{id}/wiki/pages/{page}/export               | private    | 200 200 200 200 404 200 404 401 401

            GET    /api/v1/spaces/{id}/wiki/templates                         | public     | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/spaces/{id}/wiki/templates                         | private    | 200 200 200 200 403 200 404 401 401
            POST   /api/v1/spaces/{id}/wiki/templates {"name":"Vorlage","text":"x"}
                                                                              | public     | 201 201 201 403 403 403 404 401 401
            POST   /api/v1/spaces/{id}/wiki/templates {"name":"Vorlage","text":"x"}
                                                                              | secret     | 201 201 201 403 404 403 404 401 401
            POST   /api/v1/spaces/{id}/wiki/templates {"name":"Vorlage","text":"x"}
                                                                              | archived   | 409 409 409 403 403 403 404 401 401
            DELETE /api/v1/spaces/{id}/wiki/templates/{tpl}                   | private    | 204 204 204 403 403 403 404 401 401
            """;

    enum Viewer { ADMIN, OWNER, MODERATOR, MEMBER, NON_MEMBER, GUEST_IN, GUEST_OUT, DEACTIVATED, ANONYMOUS }

    /** A space with a page by {@code author}, its first revision, a comment, an attachment and a template. */
    record Fixture(long spaceId, long pageId, long revisionId, long commentId, long templateId) {
    }

    @Autowired
    WikiApi wikiApi;

    private final Map<Viewer, TestUser> users = new EnumMap<>(Viewer.class);
    private final Map<Viewer, WebSession> sessions = new EnumMap<>(Viewer.class);
    private final Map<Viewer, ApiClient> apis = new EnumMap<>(Viewer.class);
    private final Map<Viewer, String> tokens = new EnumMap<>(Viewer.class);
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
        users.forEach((v, u) -> tokens.put(v, data.token(u, "read", "write")));
        connect(users, Viewer.DEACTIVATED, Viewer.ANONYMOUS, sessions, apis);
    }

    @Test
    void htmlEndpoints() {
        assertCells(HTML, Viewer.values(), 300, (row, v) -> call(false, v, row, fixtureFor(row)), (row, v) -> { });
    }

    @Test
    void apiEndpoints() {
        assertCells(API, Viewer.values(), 300, (row, v) -> call(true, v, row, fixtureFor(row)), (row, v) -> { });
    }

    private Http call(boolean api, Viewer v, Row row, Fixture f) {
        String path = fill(row.path(), f);
        String body = row.body() == null ? null : fill(row.body(), f);
        if (row.method().equals("UPLOAD")) {
            return upload(api, v, path);
        }
        if (api) {
            return row.method().equals("PATCH") || row.method().equals("PUT")
                    ? apis.get(v).send(row.method(), path, body, "If-Match", "*")
                    : apis.get(v).send(row.method(), path, body);
        }
        WebSession s = sessions.get(v);
        if (row.method().equals("GET")) {
            return s.get(path);
        }
        Map<String, String> form = MatrixTable.form(body);
        return s.post(path, form);
    }

    private Http upload(boolean api, Viewer v, String path) {
        Upload file = Upload.file("notiz.txt", "text/plain", "Eine Notiz".getBytes());
        if (!api) {
            return sessions.get(v).post(path, file.contentType(), file.body());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", file.contentType()).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file.body()));
        if (tokens.containsKey(v)) {
            b.header("Authorization", "Bearer " + tokens.get(v));
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Http(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String fill(String template, Fixture f) {
        if (f == null) {
            return template;
        }
        return template.replace("{id}", Long.toString(f.spaceId())).replace("{page}", Long.toString(f.pageId()))
                .replace("{rev}", Long.toString(f.revisionId())).replace("{comment}", Long.toString(f.commentId()))
                .replace("{tpl}", Long.toString(f.templateId()));
    }

    /** A fresh space of the kind with everyone the columns need and a page with everything the rows address. */
    private Fixture fixture(String kind) {
        String visibility = switch (kind) {
            case "public", "archived", "restricted" -> "PUBLIC";
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
                .param("name", TestData.unique("Wiki " + kind)).param("vis", visibility)
                .param("owner", users.get(Viewer.OWNER).id()).param("mod", users.get(Viewer.MODERATOR).id())
                .param("member", users.get(Viewer.MEMBER).id()).param("guest", users.get(Viewer.GUEST_IN).id())
                .param("deactivated", users.get(Viewer.DEACTIVATED).id()).param("author", author.id())
                .query(Long.class).single();
        long pageId = wikiApi.recordPage(spaceId, null, "Matrixseite", "Text der Matrix", author.id(), "").id();
        var jdbc = data.jdbc();
        long rev = jdbc.sql("select current_revision_id from wiki_pages where id = :p").param("p", pageId)
                .query(Long.class).single();
        jdbc.sql("insert into wiki_labels (page_id, space_id, label) values (:p, :s, 'matrix')").param("p", pageId)
                .param("s", spaceId).update();
        long comment = jdbc.sql("insert into wiki_comments (page_id, author_id, body) values (:p, :a, 'Kommentar') "
                        + "returning id")
                .param("p", pageId).param("a", author.id()).query(Long.class).single();
        jdbc.sql("""
                        insert into wiki_attachments (page_id, name, content_type, size, data, uploaded_by)
                        values (:p, 'matrix.txt', 'text/plain', 5, convert_to('Hallo', 'UTF8'), :a)""")
                .param("p", pageId).param("a", author.id()).update();
        long tpl = jdbc.sql("insert into wiki_templates (space_id, name, body) values (:s, 'Matrixvorlage', 'x') "
                        + "returning id")
                .param("s", spaceId).query(Long.class).single();
        if (kind.equals("restricted")) {
            jdbc.sql("update wiki_pages set restricted = true where id = :p").param("p", pageId).update();
        }
        if (kind.equals("archived")) {
            jdbc.sql("update spaces set archived_at = now() where id = :s").param("s", spaceId).update();
        }
        return new Fixture(spaceId, pageId, rev, comment, tpl);
    }

    private Fixture fixtureFor(Row row) {
        if ("-".equals(row.kind())) {
            return null;
        }
        return row.method().equals("GET") ? readOnly.computeIfAbsent(row.kind(), this::fixture) : fixture(row.kind());
    }
}

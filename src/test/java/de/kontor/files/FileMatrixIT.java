package de.kontor.files;

import static de.kontor.support.MatrixTable.assertCells;

import java.io.ByteArrayInputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.support.AbstractIT;
import de.kontor.support.MatrixTable;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.MatrixTable.Row;
import de.kontor.support.TestData;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/**
 * Who gets which HTTP status from every files endpoint, for every kind of viewer and space; built like
 * {@code WikiMatrixIT}. The tables ARE the specification of the files' permissions.
 *
 * <p>Row format: {@code METHOD path [body] | kind | one status per viewer column}. Kinds: {@code public},
 * {@code private}, {@code secret}, {@code archived} (an archived public space). Viewer columns: administrator (not a
 * member), owner, moderator, member, non-member (a company member), guest-in-space, guest-elsewhere, deactivated,
 * anonymous. {@code L} is a redirect to {@code /login}; a plain {@code 302} is a successful form action.
 * {@code UPLOAD} posts a small text file as multipart form data (field {@code file}).
 * Placeholders: {@code {id}} the space, {@code {file}} a PNG with two versions uploaded by another member
 * ({@code author}), {@code {folder}} an empty folder. Every writing cell gets a fresh space; GET cells of one kind
 * share one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileMatrixIT extends AbstractIT {

    static final String HTML = """
            # endpoint                                         | kind     | adm own mod mem non gIn gOut dea ano
            GET    /spaces/{id}/files                          | public   | 200 200 200 200 200 200 404 L   L
            GET    /spaces/{id}/files                          | private  | 200 200 200 200 403 200 404 L   L
            GET    /spaces/{id}/files                          | secret   | 200 200 200 200 404 200 404 L   L
            GET    /spaces/{id}/files                          | archived | 200 200 200 200 200 200 404 L   L
            GET    /spaces/{id}/files?folder={folder}          | secret   | 200 200 200 200 404 200 404 L   L
            UPLOAD /spaces/{id}/files                          | public   | 403 302 302 302 403 302 404 L   L
            UPLOAD /spaces/{id}/files                          | private  | 403 302 302 302 403 302 404 L   L
            UPLOAD /spaces/{id}/files                          | secret   | 403 302 302 302 404 302 404 L   L
            UPLOAD /spaces/{id}/files                          | archived | 403 409 409 409 403 409 404 L   L
            POST   /spaces/{id}/folders name=Neu               | public   | 403 302 302 302 403 302 404 L   L
            POST   /spaces/{id}/folders name=Neu               | secret   | 403 302 302 302 404 302 404 L   L
            POST   /spaces/{id}/folders name=Neu               | archived | 403 409 409 409 403 409 404 L   L
            POST   /files/folders/{folder}/rename name=Alt     | private  | 403 302 302 302 404 302 404 L   L
            POST   /files/folders/{folder}/move parentId=      | public   | 403 302 302 302 403 302 404 L   L
            POST   /files/folders/{folder}/delete              | secret   | 403 302 302 302 404 302 404 L   L
            POST   /files/folders/{folder}/delete              | archived | 403 409 409 409 403 409 404 L   L

            GET    /files/{file}                               | public   | 200 200 200 200 200 200 404 L   L
            GET    /files/{file}                               | private  | 200 200 200 200 404 200 404 L   L
            GET    /files/{file}                               | secret   | 200 200 200 200 404 200 404 L   L
            GET    /files/{file}                               | archived | 200 200 200 200 200 200 404 L   L
            GET    /files/{file}/download                      | public   | 200 200 200 200 200 200 404 L   L
            GET    /files/{file}/download                      | secret   | 200 200 200 200 404 200 404 L   L
            GET    /files/{file}/download?version=1            | private  | 200 200 200 200 404 200 404 L   L
            GET    /files/{file}/view                          | secret   | 200 200 200 200 404 200 404 L   L
            GET    /files/{file}/preview                       | public   | 200 200 200 200 200 200 404 L   L
            GET    /files/{file}/preview                       | private  | 200 200 200 200 404 200 404 L   L
            GET    /files/{file}/preview                       | secret   | 200 200 200 200 404 200 404 L   L
            UPLOAD /files/{file}/versions                      | public   | 403 302 302 302 403 302 404 L   L
            UPLOAD /files/{file}/versions                      | secret   | 403 302 302 302 404 302 404 L   L
            UPLOAD /files/{file}/versions                      | archived | 403 409 409 409 403 409 404 L   L
            POST   /files/{file}/versions/1/restore            | public   | 403 302 302 302 403 302 404 L   L
            POST   /files/{file}/versions/1/restore            | private  | 403 302 302 302 404 302 404 L   L
            POST   /files/{file}/versions/1/restore            | archived | 403 409 409 409 403 409 404 L   L
            POST   /files/{file}/rename name=Neu.png           | public   | 403 302 302 302 403 302 404 L   L
            POST   /files/{file}/rename name=Neu.png           | secret   | 403 302 302 302 404 302 404 L   L
            POST   /files/{file}/move folderId={folder}        | private  | 403 302 302 302 404 302 404 L   L
            POST   /files/{file}/delete                        | public   | 302 302 302 403 403 403 404 L   L
            POST   /files/{file}/delete                        | secret   | 302 302 302 403 404 403 404 L   L
            POST   /files/{file}/delete                        | archived | 409 409 409 403 403 403 404 L   L
            """;

    static final String API = """
            # endpoint                                                 | kind     | adm own mod mem non gIn gOut dea ano
            GET    /api/v1/spaces/{id}/files                           | public   | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/spaces/{id}/files                           | private  | 200 200 200 200 403 200 404 401 401
            GET    /api/v1/spaces/{id}/files                           | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/spaces/{id}/files?folderId={folder}         | private  | 200 200 200 200 403 200 404 401 401
            GET    /api/v1/spaces/{id}/folders                         | secret   | 200 200 200 200 404 200 404 401 401
            UPLOAD /api/v1/spaces/{id}/files                           | public   | 403 201 201 201 403 201 404 401 401
            UPLOAD /api/v1/spaces/{id}/files                           | private  | 403 201 201 201 403 201 404 401 401
            UPLOAD /api/v1/spaces/{id}/files                           | secret   | 403 201 201 201 404 201 404 401 401
            UPLOAD /api/v1/spaces/{id}/files                           | archived | 403 409 409 409 403 409 404 401 401
            POST   /api/v1/spaces/{id}/folders {"name":"Neu"}          | public   | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/spaces/{id}/folders {"name":"Neu"}          | secret   | 403 201 201 201 404 201 404 401 401
            POST   /api/v1/spaces/{id}/folders {"name":"Neu"}          | archived | 403 409 409 409 403 409 404 401 401
            PATCH  /api/v1/files/folders/{folder} {"name":"Alt"}       | private  | 403 200 200 200 404 200 404 401 401
            PATCH  /api/v1/files/folders/{folder} {"name":"Alt"}       | archived | 403 409 409 409 403 409 404 401 401
            DELETE /api/v1/files/folders/{folder}                      | public   | 403 204 204 204 403 204 404 401 401
            DELETE /api/v1/files/folders/{folder}                      | secret   | 403 204 204 204 404 204 404 401 401

            GET    /api/v1/files/{file}                                | public   | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/files/{file}                                | private  | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/files/{file}                                | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/files/{file}/content                        | public   | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/files/{file}/content                        | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/files/{file}/preview                        | private  | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/files/{file}/preview                        | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/files/{file}/versions                       | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/files/{file}/versions/1/content             | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/files/{file}/versions/1/content             | archived | 200 200 200 200 200 200 404 401 401
            UPLOAD /api/v1/files/{file}/versions                       | public   | 403 201 201 201 403 201 404 401 401
            UPLOAD /api/v1/files/{file}/versions                       | secret   | 403 201 201 201 404 201 404 401 401
            UPLOAD /api/v1/files/{file}/versions                       | archived | 403 409 409 409 403 409 404 401 401
            POST   /api/v1/files/{file}/versions/1/restore             | public   | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/files/{file}/versions/1/restore             | secret   | 403 201 201 201 404 201 404 401 401
            PATCH  /api/v1/files/{file} {"name":"Neu.png"}             | public   | 403 200 200 200 403 200 404 401 401
            PATCH  /api/v1/files/{file} {"name":"Neu.png"}             | private  | 403 200 200 200 404 200 404 401 401
            PATCH  /api/v1/files/{file} {"name":"Neu.png"}             | archived | 403 409 409 409 403 409 404 401 401
            DELETE /api/v1/files/{file}                                | public   | 204 204 204 403 403 403 404 401 401
            DELETE /api/v1/files/{file}                                | secret   | 204 204 204 403 404 403 404 401 401
            DELETE /api/v1/files/{file}                                | archived | 409 409 409 403 403 403 404 401 401
            """;

    enum Viewer { ADMIN, OWNER, MODERATOR, MEMBER, NON_MEMBER, GUEST_IN, GUEST_OUT, DEACTIVATED, ANONYMOUS }

    record Fixture(long spaceId, long fileId, long folderId) {
    }

    @Autowired
    FileStore store;

    @Autowired
    IdentityApi identity;

    private final Map<Viewer, TestUser> users = new EnumMap<>(Viewer.class);
    private final Map<Viewer, WebSession> sessions = new EnumMap<>(Viewer.class);
    private final Map<Viewer, ApiClient> apis = new EnumMap<>(Viewer.class);
    private final Map<Viewer, String> tokens = new EnumMap<>(Viewer.class);
    private final Map<String, Fixture> readOnly = new HashMap<>();
    private TestUser author;
    private final byte[] png = Uploads.png(16, 16);

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
            Uploads.Body file = Uploads.multipart().file("file", "notiz.txt", "text/plain", "Eine Notiz".getBytes())
                    .body();
            return api ? Uploads.post(baseUrl(), tokens.get(v), path, file)
                    : sessions.get(v).post(path, file.contentType(), file.bytes());
        }
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

    private static String fill(String template, Fixture f) {
        return template.replace("{id}", Long.toString(f.spaceId())).replace("{file}", Long.toString(f.fileId()))
                .replace("{folder}", Long.toString(f.folderId()));
    }

    private Fixture fixture(String kind) {
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
                .param("name", TestData.unique("Files " + kind)).param("vis", visibility)
                .param("owner", users.get(Viewer.OWNER).id()).param("mod", users.get(Viewer.MODERATOR).id())
                .param("member", users.get(Viewer.MEMBER).id()).param("guest", users.get(Viewer.GUEST_IN).id())
                .param("deactivated", users.get(Viewer.DEACTIVATED).id()).param("author", author.id())
                .query(Long.class).single();
        KontorUser writer = identity.principal(author.id()).orElseThrow();
        long fileId = store.store(writer, spaceId, "bild.png", new ByteArrayInputStream(png)).id();
        store.store(writer, spaceId, "bild.png", new ByteArrayInputStream(Uploads.png(20, 20)));
        long folderId = data.jdbc().sql("""
                        insert into file_folders (space_id, name, created_by) values (:s, 'Ordner', :a) returning id""")
                .param("s", spaceId).param("a", author.id()).query(Long.class).single();
        if (kind.equals("archived")) {
            data.jdbc().sql("update spaces set archived_at = now() where id = :s").param("s", spaceId).update();
        }
        return new Fixture(spaceId, fileId, folderId);
    }

    private Fixture fixtureFor(Row row) {
        return row.method().equals("GET") ? readOnly.computeIfAbsent(row.kind(), this::fixture) : fixture(row.kind());
    }
}

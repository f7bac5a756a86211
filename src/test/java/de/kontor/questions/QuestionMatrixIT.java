package de.kontor.questions;

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
 * Who gets which HTTP status from every question endpoint, for every kind of viewer and space; built like
 * {@code DecisionMatrixIT}. The tables ARE the specification.
 *
 * <ul>
 * <li>Kinds: {@code public}, {@code private}, {@code secret}, {@code archived} (an archived public space) and
 * {@code company} (a company-wide question: every active member or administrator, never guests).</li>
 * <li>Viewer columns: administrator (not a member), owner (space owner and the asker), moderator, member (who wrote
 * the answer, already accepted), non-member (a company member), guest-in-space, guest-elsewhere, deactivated,
 * anonymous.</li>
 * <li>Placeholders: {@code {id}} the space, {@code {q}} the question, {@code {a}} its accepted answer.</li>
 * <li>{@code L} is a redirect to {@code /login}; a plain {@code 302} is a successful form action.</li>
 * </ul>
 * Every writing cell gets a fresh fixture; GET cells of one kind share one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionMatrixIT extends AbstractIT {

    static final String HTML = """
            # endpoint                                                  | kind     | adm own mod mem non gIn gOut dea ano
            GET  /questions                                             | -        | 200 200 200 200 200 200 200 L   L
            GET  /questions?unanswered=true&tag=sap                     | -        | 200 200 200 200 200 200 200 L   L
            GET  /questions/new                                         | -        | 200 200 200 200 200 200 200 L   L
            GET  /search/similar?type=question&q=Spindel                | -        | 200 200 200 200 200 200 200 L   L

            GET  /spaces/{id}/questions                                 | public   | 200 200 200 200 200 200 404 L   L
            GET  /spaces/{id}/questions                                 | private  | 200 200 200 200 403 200 404 L   L
            GET  /spaces/{id}/questions                                 | secret   | 200 200 200 200 404 200 404 L   L
            GET  /spaces/{id}/questions                                 | archived | 200 200 200 200 200 200 404 L   L

            GET  /questions/new?spaceId={id}                            | public   | 403 200 200 200 403 200 404 L   L
            GET  /questions/new?spaceId={id}                            | private  | 403 200 200 200 403 200 404 L   L
            GET  /questions/new?spaceId={id}                            | secret   | 403 200 200 200 404 200 404 L   L
            GET  /questions/new?spaceId={id}                            | archived | 403 409 409 409 403 409 404 L   L

            POST /questions spaceId={id}&title=T&tags=sap               | public   | 403 302 302 302 403 302 404 L   L
            POST /questions spaceId={id}&title=T&tags=sap               | private  | 403 302 302 302 403 302 404 L   L
            POST /questions spaceId={id}&title=T&tags=sap               | secret   | 403 302 302 302 404 302 404 L   L
            POST /questions spaceId={id}&title=T&tags=sap               | archived | 403 409 409 409 403 409 404 L   L
            POST /questions spaceId=&title=T                            | company  | 302 302 302 302 302 403 403 L   L

            GET  /questions/{q}                                         | public   | 200 200 200 200 200 200 404 L   L
            GET  /questions/{q}                                         | private  | 200 200 200 200 404 200 404 L   L
            GET  /questions/{q}                                         | secret   | 200 200 200 200 404 200 404 L   L
            GET  /questions/{q}                                         | archived | 200 200 200 200 200 200 404 L   L
            GET  /questions/{q}                                         | company  | 200 200 200 200 200 404 404 L   L

            GET  /questions/{q}/edit                                    | public   | 200 200 200 403 403 403 404 L   L
            GET  /questions/{q}/edit                                    | secret   | 200 200 200 403 404 403 404 L   L
            GET  /questions/{q}/edit                                    | archived | 409 409 409 403 403 403 404 L   L
            GET  /questions/{q}/edit                                    | company  | 200 200 403 403 403 404 404 L   L

            POST /questions/{q}/edit title=T2                           | public   | 302 302 302 403 403 403 404 L   L
            POST /questions/{q}/edit title=T2                           | private  | 302 302 302 403 404 403 404 L   L
            POST /questions/{q}/edit title=T2                           | archived | 409 409 409 403 403 403 404 L   L
            POST /questions/{q}/edit title=T2                           | company  | 302 302 403 403 403 404 404 L   L

            POST /questions/{q}/delete                                  | public   | 302 302 302 403 403 403 404 L   L
            POST /questions/{q}/delete                                  | secret   | 302 302 302 403 404 403 404 L   L
            POST /questions/{q}/delete                                  | archived | 409 409 409 403 403 403 404 L   L
            POST /questions/{q}/delete                                  | company  | 302 302 403 403 403 404 404 L   L

            POST /questions/{q}/answers body=A                          | public   | 403 302 302 302 403 302 404 L   L
            POST /questions/{q}/answers body=A                          | private  | 403 302 302 302 404 302 404 L   L
            POST /questions/{q}/answers body=A                          | secret   | 403 302 302 302 404 302 404 L   L
            POST /questions/{q}/answers body=A                          | archived | 403 409 409 409 403 409 404 L   L
            POST /questions/{q}/answers body=A                          | company  | 302 302 302 302 302 404 404 L   L

            POST /questions/{q}/answers/{a}/comments comment=C          | public   | 403 302 302 302 403 302 404 L   L
            POST /questions/{q}/answers/{a}/comments comment=C          | secret   | 403 302 302 302 404 302 404 L   L
            POST /questions/{q}/answers/{a}/comments comment=C          | archived | 403 409 409 409 403 409 404 L   L
            POST /questions/{q}/answers/{a}/comments comment=C          | company  | 302 302 302 302 302 404 404 L   L

            POST /questions/{q}/vote                                    | public   | 403 302 302 302 403 302 404 L   L
            POST /questions/{q}/vote                                    | private  | 403 302 302 302 404 302 404 L   L
            POST /questions/{q}/vote                                    | archived | 403 409 409 409 403 409 404 L   L
            POST /questions/{q}/vote                                    | company  | 302 302 302 302 302 404 404 L   L
            POST /questions/{q}/vote/delete                             | secret   | 403 302 302 302 404 302 404 L   L
            POST /questions/{q}/answers/{a}/vote                        | private  | 403 302 302 302 404 302 404 L   L
            POST /questions/{q}/answers/{a}/vote                        | archived | 403 409 409 409 403 409 404 L   L
            POST /questions/{q}/answers/{a}/vote/delete                 | company  | 302 302 302 302 302 404 404 L   L

            POST /questions/{q}/answers/{a}/accept                      | public   | 302 302 302 403 403 403 404 L   L
            POST /questions/{q}/answers/{a}/accept                      | private  | 302 302 302 403 404 403 404 L   L
            POST /questions/{q}/answers/{a}/accept                      | secret   | 302 302 302 403 404 403 404 L   L
            POST /questions/{q}/answers/{a}/accept                      | archived | 409 409 409 403 403 403 404 L   L
            POST /questions/{q}/answers/{a}/accept                      | company  | 302 302 403 403 403 404 404 L   L

            POST /questions/{q}/answers/{a}/wiki                        | public   | 403 302 302 302 403 302 404 L   L
            POST /questions/{q}/answers/{a}/wiki                        | secret   | 403 302 302 302 404 302 404 L   L
            POST /questions/{q}/answers/{a}/wiki                        | archived | 403 409 409 409 403 409 404 L   L
            """;

    static final String API = """
            # endpoint                                                        | kind     | adm own mod mem non gIn gOut dea ano
            GET    /api/v1/questions                                          | -        | 200 200 200 200 200 200 200 401 401
            GET    /api/v1/questions?spaceId={id}                             | public   | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/questions?spaceId={id}                             | private  | 200 200 200 200 403 200 404 401 401
            GET    /api/v1/questions?spaceId={id}                             | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/questions?spaceId={id}                             | archived | 200 200 200 200 200 200 404 401 401

            POST   /api/v1/questions {"spaceId":"{id}","title":"T","tags":["sap"]}
                                                                              | public   | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/questions {"spaceId":"{id}","title":"T"}           | private  | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/questions {"spaceId":"{id}","title":"T"}           | secret   | 403 201 201 201 404 201 404 401 401
            POST   /api/v1/questions {"spaceId":"{id}","title":"T"}           | archived | 403 409 409 409 403 409 404 401 401
            POST   /api/v1/questions {"title":"T"}                            | company  | 201 201 201 201 201 403 403 401 401

            GET    /api/v1/questions/{q}                                      | public   | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/questions/{q}                                      | private  | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/questions/{q}                                      | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/questions/{q}                                      | archived | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/questions/{q}                                      | company  | 200 200 200 200 200 404 404 401 401

            PATCH  /api/v1/questions/{q} {"title":"T2"}                       | public   | 200 200 200 403 403 403 404 401 401
            PATCH  /api/v1/questions/{q} {"title":"T2"}                       | secret   | 200 200 200 403 404 403 404 401 401
            PATCH  /api/v1/questions/{q} {"title":"T2"}                       | archived | 409 409 409 403 403 403 404 401 401
            PATCH  /api/v1/questions/{q} {"title":"T2"}                       | company  | 200 200 403 403 403 404 404 401 401
            DELETE /api/v1/questions/{q}                                      | private  | 204 204 204 403 404 403 404 401 401
            DELETE /api/v1/questions/{q}                                      | archived | 409 409 409 403 403 403 404 401 401
            DELETE /api/v1/questions/{q}                                      | company  | 204 204 403 403 403 404 404 401 401

            POST   /api/v1/questions/{q}/answers {"text":"A"}                 | public   | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/questions/{q}/answers {"text":"A"}                 | private  | 403 201 201 201 404 201 404 401 401
            POST   /api/v1/questions/{q}/answers {"text":"A"}                 | secret   | 403 201 201 201 404 201 404 401 401
            POST   /api/v1/questions/{q}/answers {"text":"A"}                 | archived | 403 409 409 409 403 409 404 401 401
            POST   /api/v1/questions/{q}/answers {"text":"A"}                 | company  | 201 201 201 201 201 404 404 401 401
            POST   /api/v1/questions/{q}/answers/{a}/comments {"text":"C"}    | private  | 403 201 201 201 404 201 404 401 401
            POST   /api/v1/questions/{q}/answers/{a}/comments {"text":"C"}    | company  | 201 201 201 201 201 404 404 401 401

            PUT    /api/v1/questions/{q}/vote                                 | public   | 403 200 200 200 403 200 404 401 401
            PUT    /api/v1/questions/{q}/vote                                 | secret   | 403 200 200 200 404 200 404 401 401
            PUT    /api/v1/questions/{q}/vote                                 | archived | 403 409 409 409 403 409 404 401 401
            DELETE /api/v1/questions/{q}/vote                                 | company  | 204 204 204 204 204 404 404 401 401
            PUT    /api/v1/questions/{q}/answers/{a}/vote                     | private  | 403 200 200 200 404 200 404 401 401
            DELETE /api/v1/questions/{q}/answers/{a}/vote                     | archived | 403 409 409 409 403 409 404 401 401

            POST   /api/v1/questions/{q}/answers/{a}/accept                   | public   | 200 200 200 403 403 403 404 401 401
            POST   /api/v1/questions/{q}/answers/{a}/accept                   | secret   | 200 200 200 403 404 403 404 401 401
            POST   /api/v1/questions/{q}/answers/{a}/accept                   | archived | 409 409 409 403 403 403 404 401 401
            POST   /api/v1/questions/{q}/answers/{a}/accept                   | company  | 200 200 403 403 403 404 404 401 401

            POST   /api/v1/questions/{q}/answers/{a}/wiki-page                | private  | 403 201 201 201 404 201 404 401 401
            POST   /api/v1/questions/{q}/answers/{a}/wiki-page                | archived | 403 409 409 409 403 409 404 401 401
            """;

    enum Viewer { ADMIN, OWNER, MODERATOR, MEMBER, NON_MEMBER, GUEST_IN, GUEST_OUT, DEACTIVATED, ANONYMOUS }

    /** A space (null for company-wide) with a question by the owner and the member's accepted answer. */
    record Fixture(Long spaceId, long questionId, long answerId) {
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
        assertCells(HTML, Viewer.values(), 450, (row, v) -> call(false, v, row, fixtureFor(row)), (row, v) -> { });
    }

    @Test
    void apiEndpoints() {
        assertCells(API, Viewer.values(), 300, (row, v) -> call(true, v, row, fixtureFor(row)), (row, v) -> { });
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

    private static String fill(String template, Fixture f) {
        if (f == null) {
            return template;
        }
        return template.replace("{id}", f.spaceId() == null ? "" : Long.toString(f.spaceId()))
                .replace("{q}", Long.toString(f.questionId())).replace("{a}", Long.toString(f.answerId()));
    }

    /** A fresh space of the kind with everyone the columns need, a question by the owner, an accepted answer. */
    private Fixture fixture(String kind) {
        long owner = users.get(Viewer.OWNER).id();
        Long space = null;
        if (!kind.equals("company")) {
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
                    .param("name", TestData.unique("Questions " + kind)).param("vis", visibility)
                    .param("owner", owner).param("mod", users.get(Viewer.MODERATOR).id())
                    .param("member", users.get(Viewer.MEMBER).id()).param("guest", users.get(Viewer.GUEST_IN).id())
                    .param("deactivated", users.get(Viewer.DEACTIVATED).id()).query(Long.class).single();
        }
        long question = data.jdbc().sql("""
                        insert into questions (space_id, author_id, title, body, body_html, tags, answer_count)
                        values (:s, :a, 'Matrix question', '', '', '{sap}', 1) returning id""")
                .param("s", space).param("a", owner).query(Long.class).single();
        long answer = data.jdbc().sql("""
                        insert into question_answers (question_id, author_id, body, body_html)
                        values (:q, :a, 'Matrix answer', '<p>Matrix answer</p>') returning id""")
                .param("q", question).param("a", users.get(Viewer.MEMBER).id()).query(Long.class).single();
        data.jdbc().sql("update questions set accepted_answer_id = :a where id = :q")
                .param("a", answer).param("q", question).update();
        if (kind.equals("archived")) {
            data.jdbc().sql("update spaces set archived_at = now() where id = :s").param("s", space).update();
        }
        return new Fixture(space, question, answer);
    }

    private Fixture fixtureFor(Row row) {
        if ("-".equals(row.kind())) {
            return null;
        }
        return row.method().equals("GET") ? readOnly.computeIfAbsent(row.kind(), this::fixture) : fixture(row.kind());
    }
}

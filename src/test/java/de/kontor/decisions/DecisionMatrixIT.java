package de.kontor.decisions;

import static de.kontor.support.MatrixTable.assertCells;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
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
 * Who gets which HTTP status from every poll and decision endpoint, for every kind of viewer and space; built like
 * {@code StreamMatrixIT}. The tables ARE the specification.
 *
 * <ul>
 * <li>Kinds: {@code public}, {@code private}, {@code secret}, {@code archived} (an archived public space).</li>
 * <li>Viewer columns: administrator (not a member), owner (the proposer of the decision and author of the poll),
 * moderator, member, non-member (a company member), guest-in-space, guest-elsewhere, deactivated, anonymous.</li>
 * <li>Placeholders: {@code {id}} the space, {@code {post}} the poll's post, {@code {poll}} the poll,
 * {@code {optA}} its first option, {@code {decision}} an open consent decision asking every space member,
 * {@code {local}} / {@code {iso}} a deadline two days ahead (form / API format).</li>
 * <li>{@code L} is a redirect to {@code /login}; a plain {@code 302} is a successful form action.</li>
 * </ul>
 * Every writing cell gets a fresh space; GET cells of one kind share one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionMatrixIT extends AbstractIT {

    static final String HTML = """
            # endpoint                                                  | kind     | adm own mod mem non gIn gOut dea ano
            GET  /decisions                                             | -        | 200 200 200 200 200 200 200 L   L

            GET  /spaces/{id}/decisions                                 | public   | 200 200 200 200 200 200 404 L   L
            GET  /spaces/{id}/decisions                                 | private  | 200 200 200 200 403 200 404 L   L
            GET  /spaces/{id}/decisions                                 | secret   | 200 200 200 200 404 200 404 L   L
            GET  /spaces/{id}/decisions?status=decided                  | archived | 200 200 200 200 200 200 404 L   L

            GET  /spaces/{id}/decisions/new                             | public   | 403 200 200 200 403 200 404 L   L
            GET  /spaces/{id}/decisions/new                             | private  | 403 200 200 200 403 200 404 L   L
            GET  /spaces/{id}/decisions/new                             | secret   | 403 200 200 200 404 200 404 L   L
            GET  /spaces/{id}/decisions/new                             | archived | 403 409 409 409 403 409 404 L   L

            POST /spaces/{id}/decisions title=T&kind=CONSENT&audience=SPACE&deadline={local}
                                                                        | public   | 403 302 302 302 403 302 404 L   L
            POST /spaces/{id}/decisions title=T&kind=CONSENT&audience=SPACE&deadline={local}
                                                                        | private  | 403 302 302 302 403 302 404 L   L
            POST /spaces/{id}/decisions title=T&kind=CONSENT&audience=SPACE&deadline={local}
                                                                        | secret   | 403 302 302 302 404 302 404 L   L
            POST /spaces/{id}/decisions title=T&kind=CONSENT&audience=SPACE&deadline={local}
                                                                        | archived | 403 409 409 409 403 409 404 L   L

            GET  /decisions/{decision}                                  | public   | 200 200 200 200 200 200 404 L   L
            GET  /decisions/{decision}                                  | private  | 200 200 200 200 404 200 404 L   L
            GET  /decisions/{decision}                                  | secret   | 200 200 200 200 404 200 404 L   L
            GET  /decisions/{decision}                                  | archived | 200 200 200 200 200 200 404 L   L

            POST /decisions/{decision}/answer position=AGREE            | public   | 403 302 302 302 403 302 404 L   L
            POST /decisions/{decision}/answer position=AGREE            | private  | 403 302 302 302 404 302 404 L   L
            POST /decisions/{decision}/answer position=AGREE            | secret   | 403 302 302 302 404 302 404 L   L
            POST /decisions/{decision}/answer position=AGREE            | archived | 403 409 409 409 403 409 404 L   L

            POST /decisions/{decision}/withdraw                         | public   | 403 302 403 403 403 403 404 L   L
            POST /decisions/{decision}/withdraw                         | private  | 403 302 403 403 404 403 404 L   L
            POST /decisions/{decision}/withdraw                         | secret   | 403 302 403 403 404 403 404 L   L
            POST /decisions/{decision}/withdraw                         | archived | 403 409 403 403 403 403 404 L   L

            POST /decisions/{decision}/close                            | public   | 403 302 403 403 403 403 404 L   L
            POST /decisions/{decision}/close                            | secret   | 403 302 403 403 404 403 404 L   L
            POST /decisions/{decision}/close                            | archived | 403 409 403 403 403 403 404 L   L

            GET  /spaces/{id}/polls/new                                 | public   | 403 200 200 200 403 200 404 L   L
            GET  /spaces/{id}/polls/new                                 | private  | 403 200 200 200 403 200 404 L   L
            GET  /spaces/{id}/polls/new                                 | secret   | 403 200 200 200 404 200 404 L   L
            GET  /spaces/{id}/polls/new                                 | archived | 403 409 409 409 403 409 404 L   L

            POST /spaces/{id}/polls question=Q&options=A%0AB&results=AFTER_VOTE&closesAt={local}
                                                                        | public   | 403 302 302 302 403 302 404 L   L
            POST /spaces/{id}/polls question=Q&options=A%0AB&results=AFTER_VOTE&closesAt={local}
                                                                        | private  | 403 302 302 302 403 302 404 L   L
            POST /spaces/{id}/polls question=Q&options=A%0AB&results=AFTER_VOTE&closesAt={local}
                                                                        | secret   | 403 302 302 302 404 302 404 L   L
            POST /spaces/{id}/polls question=Q&options=A%0AB&results=AFTER_VOTE&closesAt={local}
                                                                        | archived | 403 409 409 409 403 409 404 L   L

            GET  /posts/{post}                                          | secret   | 200 200 200 200 404 200 404 L   L

            POST /polls/{poll}/vote optionId={optA}                     | public   | 403 302 302 302 403 302 404 L   L
            POST /polls/{poll}/vote optionId={optA}                     | private  | 403 302 302 302 404 302 404 L   L
            POST /polls/{poll}/vote optionId={optA}                     | secret   | 403 302 302 302 404 302 404 L   L
            POST /polls/{poll}/vote optionId={optA}                     | archived | 409 409 409 409 409 409 404 L   L
            POST /polls/{poll}/vote/delete                              | private  | 403 302 302 302 404 302 404 L   L
            POST /polls/{poll}/vote/delete                              | archived | 409 409 409 409 409 409 404 L   L
            """;

    static final String API = """
            # endpoint                                                        | kind     | adm own mod mem non gIn gOut dea ano
            GET    /api/v1/decisions/waiting                                  | -        | 200 200 200 200 200 200 200 401 401

            GET    /api/v1/spaces/{id}/decisions                              | public   | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/spaces/{id}/decisions                              | private  | 200 200 200 200 403 200 404 401 401
            GET    /api/v1/spaces/{id}/decisions                              | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/spaces/{id}/decisions                              | archived | 200 200 200 200 200 200 404 401 401

            POST   /api/v1/spaces/{id}/decisions {"title":"T","kind":"CONSENT","deadline":"{iso}"}
                                                                              | public   | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/spaces/{id}/decisions {"title":"T","kind":"CONSENT","deadline":"{iso}"}
                                                                              | private  | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/spaces/{id}/decisions {"title":"T","kind":"CONSENT","deadline":"{iso}"}
                                                                              | secret   | 403 201 201 201 404 201 404 401 401
            POST   /api/v1/spaces/{id}/decisions {"title":"T","kind":"CONSENT","deadline":"{iso}"}
                                                                              | archived | 403 409 409 409 403 409 404 401 401

            GET    /api/v1/decisions/{decision}                               | public   | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/decisions/{decision}                               | private  | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/decisions/{decision}                               | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/decisions/{decision}                               | archived | 200 200 200 200 200 200 404 401 401

            PUT    /api/v1/decisions/{decision}/answer {"position":"BLOCK","reason":"no"}
                                                                              | public   | 403 200 200 200 403 200 404 401 401
            PUT    /api/v1/decisions/{decision}/answer {"position":"BLOCK","reason":"no"}
                                                                              | private  | 403 200 200 200 404 200 404 401 401
            PUT    /api/v1/decisions/{decision}/answer {"position":"BLOCK","reason":"no"}
                                                                              | secret   | 403 200 200 200 404 200 404 401 401
            PUT    /api/v1/decisions/{decision}/answer {"position":"BLOCK","reason":"no"}
                                                                              | archived | 403 409 409 409 403 409 404 401 401

            POST   /api/v1/decisions/{decision}/withdraw                      | public   | 403 200 403 403 403 403 404 401 401
            POST   /api/v1/decisions/{decision}/withdraw                      | private  | 403 200 403 403 404 403 404 401 401
            POST   /api/v1/decisions/{decision}/withdraw                      | secret   | 403 200 403 403 404 403 404 401 401
            POST   /api/v1/decisions/{decision}/withdraw                      | archived | 403 409 403 403 403 403 404 401 401
            POST   /api/v1/decisions/{decision}/close                         | private  | 403 200 403 403 404 403 404 401 401
            POST   /api/v1/decisions/{decision}/close                         | archived | 403 409 403 403 403 403 404 401 401

            POST   /api/v1/spaces/{id}/polls {"question":"Q","options":["A","B"],"closesAt":"{iso}"}
                                                                              | public   | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/spaces/{id}/polls {"question":"Q","options":["A","B"],"closesAt":"{iso}"}
                                                                              | private  | 403 201 201 201 403 201 404 401 401
            POST   /api/v1/spaces/{id}/polls {"question":"Q","options":["A","B"],"closesAt":"{iso}"}
                                                                              | secret   | 403 201 201 201 404 201 404 401 401
            POST   /api/v1/spaces/{id}/polls {"question":"Q","options":["A","B"],"closesAt":"{iso}"}
                                                                              | archived | 403 409 409 409 403 409 404 401 401

            GET    /api/v1/polls/{poll}                                       | public   | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/polls/{poll}                                       | private  | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/polls/{poll}                                       | secret   | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/polls/{poll}                                       | archived | 200 200 200 200 200 200 404 401 401
            GET    /api/v1/posts/{post}/poll                                  | private  | 200 200 200 200 404 200 404 401 401
            GET    /api/v1/posts/{post}/poll                                  | secret   | 200 200 200 200 404 200 404 401 401

            PUT    /api/v1/polls/{poll}/vote {"optionIds":["{optA}"]}         | public   | 403 200 200 200 403 200 404 401 401
            PUT    /api/v1/polls/{poll}/vote {"optionIds":["{optA}"]}         | private  | 403 200 200 200 404 200 404 401 401
            PUT    /api/v1/polls/{poll}/vote {"optionIds":["{optA}"]}         | secret   | 403 200 200 200 404 200 404 401 401
            PUT    /api/v1/polls/{poll}/vote {"optionIds":["{optA}"]}         | archived | 409 409 409 409 409 409 404 401 401
            DELETE /api/v1/polls/{poll}/vote                                  | public   | 403 204 204 204 403 204 404 401 401
            DELETE /api/v1/polls/{poll}/vote                                  | secret   | 403 204 204 204 404 204 404 401 401
            DELETE /api/v1/polls/{poll}/vote                                  | archived | 409 409 409 409 409 409 404 401 401
            """;

    enum Viewer { ADMIN, OWNER, MODERATOR, MEMBER, NON_MEMBER, GUEST_IN, GUEST_OUT, DEACTIVATED, ANONYMOUS }

    /** A space with a poll (post, poll, first option) and an open decision by the owner. */
    record Fixture(long spaceId, long postId, long pollId, long optionId, long decisionId) {
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
        assertCells(HTML, Viewer.values(), 150, (row, v) -> call(false, v, row, fixtureFor(row)),
                (row, v) -> forgetRecentWrites(v));
    }

    @Test
    void apiEndpoints() {
        assertCells(API, Viewer.values(), 150, (row, v) -> call(true, v, row, fixtureFor(row)),
                (row, v) -> forgetRecentWrites(v));
    }

    /** The posting rate limit counts recent posts (a poll is one); the matrix writes more than that on purpose. */
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

    private static String fill(String template, Fixture f) {
        String local = LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(2).withSecond(0).withNano(0).toString()
                .substring(0, 16);
        String s = template.replace("{local}", local)
                .replace("{iso}", Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        if (f != null) {
            s = s.replace("{id}", Long.toString(f.spaceId())).replace("{post}", Long.toString(f.postId()))
                    .replace("{poll}", Long.toString(f.pollId())).replace("{optA}", Long.toString(f.optionId()))
                    .replace("{decision}", Long.toString(f.decisionId()));
        }
        return s;
    }

    /** A fresh space of the kind with everyone the columns need, a poll and a decision by the owner. */
    private Fixture fixture(String kind) {
        String visibility = switch (kind) {
            case "public", "archived" -> "PUBLIC";
            case "private" -> "PRIVATE";
            case "secret" -> "SECRET";
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
        long owner = users.get(Viewer.OWNER).id();
        long space = data.jdbc().sql("""
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
                .param("name", TestData.unique("Decisions " + kind)).param("vis", visibility).param("owner", owner)
                .param("mod", users.get(Viewer.MODERATOR).id()).param("member", users.get(Viewer.MEMBER).id())
                .param("guest", users.get(Viewer.GUEST_IN).id())
                .param("deactivated", users.get(Viewer.DEACTIVATED).id()).query(Long.class).single();
        long post = data.jdbc().sql("""
                        insert into posts (space_id, author_id, body, body_html, created_at)
                        values (:s, :a, 'Matrix poll', '<p>Matrix poll</p>', now() - interval '1 hour') returning id""")
                .param("s", space).param("a", owner).query(Long.class).single();
        long poll = data.jdbc().sql("""
                        insert into polls (post_id, space_id, author_id, multiple, anonymous, results, closes_at)
                        values (:p, :s, :a, false, false, 'AFTER_VOTE', now() + interval '2 days') returning id""")
                .param("p", post).param("s", space).param("a", owner).query(Long.class).single();
        long option = data.jdbc().sql("""
                        insert into poll_options (poll_id, position, label) values (:p, 0, 'A'), (:p, 1, 'B')
                        returning id""").param("p", poll).query(Long.class).list().getFirst();
        long decision = data.jdbc().sql("""
                        insert into decisions (space_id, proposer_id, title, kind, audience, deadline)
                        values (:s, :a, 'Matrix decision', 'CONSENT', 'SPACE', now() + interval '2 days') returning id""")
                .param("s", space).param("a", owner).query(Long.class).single();
        for (Viewer v : List.of(Viewer.OWNER, Viewer.MODERATOR, Viewer.MEMBER, Viewer.GUEST_IN)) {
            data.jdbc().sql("insert into decision_asked (decision_id, user_id) values (:d, :u)")
                    .param("d", decision).param("u", users.get(v).id()).update();
        }
        if (kind.equals("archived")) {
            data.jdbc().sql("update spaces set archived_at = now() where id = :s").param("s", space).update();
        }
        return new Fixture(space, post, poll, option, decision);
    }

    private Fixture fixtureFor(Row row) {
        if ("-".equals(row.kind())) {
            return null;
        }
        return row.method().equals("GET") ? readOnly.computeIfAbsent(row.kind(), this::fixture) : fixture(row.kind());
    }
}

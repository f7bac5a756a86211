package de.kontor.messaging;

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
 * Who gets which HTTP status from every messaging endpoint. The two tables ARE the specification.
 *
 * <p>Row format: {@code METHOD path [body] | conversation kind | one status per viewer column}.
 * <ul>
 * <li>Kinds: {@code group} (a titled group), {@code direct} (the participant's direct conversation with the guest),
 * {@code -} (not about one conversation).</li>
 * <li>Viewer columns, in order: participant (a member), former (a member who left the group), non-participant
 * (a company member), administrator (not a participant: no override), guest participant, deactivated (a
 * participant whose account was deactivated), anonymous.</li>
 * <li>A cell is the exact status; {@code L} means 302 to {@code /login}; a plain {@code 302} is a redirect
 * anywhere else (the form action succeeded).</li>
 * <li>Placeholders: {@code {id}} the conversation, {@code {early}} a message sent before the former participant
 * left, {@code {late}} one sent after, {@code {invitee}}/{@code {inviteeEmail}} a company member to add.</li>
 * </ul>
 * Every write cell runs against a fresh conversation; GET cells of one kind share one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagingMatrixIT extends AbstractIT {

    static final String HTML = """
            # endpoint                                                    | kind   | par for non adm gst dea ano
            GET  /messages                                                | -      | 200 200 200 200 200 L   L
            GET  /messages/new                                            | -      | 200 200 200 200 403 L   L
            GET  /messages/suggestions?people=test                        | -      | 200 200 200 200 403 L   L
            POST /messages people={inviteeEmail}&title=Matrix             | -      | 302 302 302 302 403 L   L

            GET  /messages/{id}                                           | group  | 200 200 404 404 200 L   L
            GET  /messages/{id}                                           | direct | 200 404 404 404 200 L   L
            GET  /messages/{id}?before={cursor}                           | group  | 200 200 404 404 200 L   L
            GET  /messages/{id}/since/0                                   | group  | 200 200 404 404 200 L   L
            GET  /messages/{id}/since/0                                   | direct | 200 404 404 404 200 L   L
            POST /messages/{id} body=hello                                | group  | 302 403 404 404 302 L   L
            POST /messages/{id} body=hello                                | direct | 302 404 404 404 302 L   L
            POST /messages/{id} body=                                     | group  | 422 403 404 404 422 L   L
            POST /messages/{id}/participants people={inviteeEmail}        | group  | 302 403 404 404 403 L   L
            POST /messages/{id}/participants people={inviteeEmail}        | direct | 409 404 404 404 403 L   L
            POST /messages/{id}/leave                                     | group  | 302 409 404 404 302 L   L
            POST /messages/{id}/leave                                     | direct | 409 404 404 404 409 L   L
            """;

    static final String API = """
            # endpoint                                                    | kind   | par for non adm gst dea ano
            GET    /api/v1/conversations                                  | -      | 200 200 200 200 200 401 401
            POST   /api/v1/conversations {"participantIds":["{invitee}"],"title":"Matrix"}
                                                                          | -      | 201 201 201 201 403 401 401

            GET    /api/v1/conversations/{id}                             | group  | 200 200 404 404 200 401 401
            GET    /api/v1/conversations/{id}                             | direct | 200 404 404 404 200 401 401
            GET    /api/v1/conversations/{id}/messages                    | group  | 200 200 404 404 200 401 401
            GET    /api/v1/conversations/{id}/messages                    | direct | 200 404 404 404 200 401 401
            GET    /api/v1/conversations/{id}/messages/{early}            | group  | 200 200 404 404 200 401 401
            GET    /api/v1/conversations/{id}/messages/{late}             | group  | 200 404 404 404 200 401 401
            POST   /api/v1/conversations/{id}/messages {"text":"hello"}   | group  | 201 403 404 404 201 401 401
            POST   /api/v1/conversations/{id}/messages {"text":"hello"}   | direct | 201 404 404 404 201 401 401
            POST   /api/v1/conversations/{id}/messages {"text":" "}       | group  | 422 403 404 404 422 401 401
            POST   /api/v1/conversations/{id}/read                        | group  | 204 204 404 404 204 401 401
            POST   /api/v1/conversations/{id}/read                        | direct | 204 404 404 404 204 401 401
            POST   /api/v1/conversations/{id}/participants {"userIds":["{invitee}"]}
                                                                          | group  | 200 403 404 404 403 401 401
            POST   /api/v1/conversations/{id}/participants {"userIds":["{invitee}"]}
                                                                          | direct | 409 404 404 404 403 401 401
            DELETE /api/v1/conversations/{id}/participants/me             | group  | 204 409 404 404 204 401 401
            DELETE /api/v1/conversations/{id}/participants/me             | direct | 409 404 404 404 409 401 401
            """;

    enum Viewer { PARTICIPANT, FORMER, NON_PARTICIPANT, ADMIN, GUEST, DEACTIVATED, ANONYMOUS }

    record Fixture(long id, long early, long late) {
    }

    private final Map<Viewer, TestUser> users = new EnumMap<>(Viewer.class);
    private final Map<Viewer, WebSession> sessions = new EnumMap<>(Viewer.class);
    private final Map<Viewer, ApiClient> apis = new EnumMap<>(Viewer.class);
    private final Map<String, Fixture> readOnly = new HashMap<>();
    private TestUser other;
    private TestUser invitee;

    @BeforeAll
    void viewers() {
        users.put(Viewer.PARTICIPANT, data.member());
        users.put(Viewer.FORMER, data.member());
        users.put(Viewer.NON_PARTICIPANT, data.member());
        users.put(Viewer.ADMIN, data.admin());
        users.put(Viewer.GUEST, data.guest());
        users.put(Viewer.DEACTIVATED, data.member());
        other = data.member();
        invitee = data.member();
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

    /** Outsiders, administrators included, never see a conversation's title or text in lists. */
    @Test
    void conversationsNeverLeakIntoOutsidersLists() {
        Fixture f = fixture("group");
        for (Viewer v : List.of(Viewer.NON_PARTICIPANT, Viewer.ADMIN)) {
            assertThat(sessions.get(v).get("/messages").body()).as(v.name())
                    .doesNotContain("Matrix group").doesNotContain("href=\"/messages/" + f.id() + "\"");
            assertThat(apis.get(v).get("/api/v1/conversations?limit=100").body()).as(v.name())
                    .doesNotContain("Matrix group").doesNotContain("\"id\":\"" + f.id() + "\"");
        }
        // the control: a participant finds it; the former participant too, without the message after leaving
        assertThat(sessions.get(Viewer.PARTICIPANT).get("/messages").body()).contains("href=\"/messages/" + f.id());
        String former = sessions.get(Viewer.FORMER).get("/messages/" + f.id()).body();
        assertThat(former).contains("early words").doesNotContain("late words");
    }

    private void assertMatrix(String table, boolean api) {
        assertCells(table, Viewer.values(), 50, (row, v) -> call(api, v, row, "-".equals(row.kind()) ? null
                : row.method().equals("GET") ? readOnly.computeIfAbsent(row.kind(), this::fixture)
                : fixture(row.kind())), (row, v) -> { });
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
        String s = template.replace("{invitee}", Long.toString(invitee.id()))
                .replace("{inviteeEmail}", invitee.email());
        if (f != null) {
            s = s.replace("{id}", Long.toString(f.id())).replace("{early}", Long.toString(f.early()))
                    .replace("{late}", Long.toString(f.late()))
                    .replace("{cursor}", new de.kontor.shared.Cursor("m", f.late() + 1).encode());
        }
        return s;
    }

    /**
     * A group (participant, former participant, guest, deactivated participant and the author of its messages) or
     * the participant's direct conversation with the guest; one message before the former participant left, one
     * after. Messages are written by a bystander so that the viewers' send rate limit stays untouched.
     */
    private Fixture fixture(String kind) {
        boolean group = kind.equals("group");
        long participant = users.get(Viewer.PARTICIPANT).id();
        long guest = users.get(Viewer.GUEST).id();
        var jdbc = data.jdbc();
        // a direct conversation per test run would be unique per pair: a fresh key keeps every cell independent
        long id = jdbc.sql("""
                        insert into conversations (kind, title, direct_key, created_by, created_at, last_message_at)
                        values (:kind, :title, :key, :by, now() - interval '2 minutes', now() - interval '1 second')
                        returning id""")
                .param("kind", group ? "GROUP" : "DIRECT").param("title", group ? "Matrix group" : null)
                .param("key", group ? null : TestData.unique("direct")).param("by", participant)
                .query(Long.class).single();
        List<Long> people = group
                ? List.of(participant, users.get(Viewer.FORMER).id(), guest, users.get(Viewer.DEACTIVATED).id(),
                        other.id())
                : List.of(participant, guest);
        for (long u : people) {
            jdbc.sql("""
                            insert into conversation_participants (conversation_id, user_id, joined_at, left_at)
                            values (:c, :u, now() - interval '2 minutes',
                                    case when :former then now() - interval '30 seconds' end)""")
                    .param("c", id).param("u", u).param("former", u == users.get(Viewer.FORMER).id()).update();
        }
        long early = message(id, "early words", "1 minute");
        long late = message(id, "late words", "1 second");
        return new Fixture(id, early, late);
    }

    private long message(long conversationId, String text, String ago) {
        return data.jdbc().sql("""
                        insert into messages (conversation_id, sender_id, body, body_html, created_at)
                        values (:c, :s, :b, :b, now() - cast(:ago as interval)) returning id""")
                .param("c", conversationId).param("s", other.id()).param("b", text).param("ago", ago)
                .query(Long.class).single();
    }
}

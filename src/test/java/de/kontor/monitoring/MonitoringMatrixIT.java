package de.kontor.monitoring;

import static de.kontor.support.MatrixTable.assertCells;

import java.util.EnumMap;
import java.util.LinkedHashMap;
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
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/**
 * Who gets which HTTP status from every monitoring page and API endpoint; built like {@code DecisionMatrixIT}. The
 * tables ARE the specification: only the monitoring team (members of the team space who are company members) and
 * administrators see monitoring; everyone else gets 404, as if it did not exist; {@code /admin/monitoring} is an
 * admin page (403 for others). The webhook endpoint ignores sessions and tokens: without a signature it is 401.
 *
 * <ul>
 * <li>Viewer columns: administrator (also in the team space), team member, guest in the team space, company member
 * outside the team, guest elsewhere, deactivated team member, anonymous.</li>
 * <li>Placeholders: {@code {m}} a new mention, {@code {answered}} an answered mention, {@code {t}} a topic,
 * {@code {s}} a feed source, {@code {key}} a webhook source's key, {@code {space}} the team space (shared into),
 * {@code {team}} the team member's id, {@code {uniq}} a unique name. Every writing cell gets fresh ones.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringMatrixIT extends AbstractIT {

    static final String HTML = """
            # endpoint                                                  | kind | adm tm  tgu mem gst dea ano
            GET  /monitoring                                            | -    | 200 200 404 404 404 L   L
            GET  /monitoring?status=new&sentiment=negative&assignee=none | -   | 200 200 404 404 404 L   L
            GET  /monitoring/mentions/{m}                               | -    | 200 200 404 404 404 L   L
            POST /monitoring/mentions/{m}/assign assignee=u{team}       | -    | 302 302 404 404 404 L   L
            POST /monitoring/mentions/{m}/answer text=Danke&link=https://social.example/1
                                                                        | -    | 302 302 404 404 404 L   L
            POST /monitoring/mentions/{answered}/close                  | -    | 302 302 404 404 404 L   L
            POST /monitoring/mentions/{m}/close                         | -    | 409 409 404 404 404 L   L
            POST /monitoring/mentions/{m}/ignore reason=Spam            | -    | 302 302 404 404 404 L   L
            POST /monitoring/mentions/{m}/ignore reason=                | -    | 422 422 404 404 404 L   L
            POST /monitoring/mentions/{m}/reopen                        | -    | 409 409 404 404 404 L   L
            POST /monitoring/mentions/{m}/comments text=Intern          | -    | 302 302 404 404 404 L   L
            POST /monitoring/mentions/{m}/share spaceId={space}         | -    | 302 302 404 404 404 L   L
            GET  /monitoring/topics                                     | -    | 200 200 404 404 404 L   L
            POST /monitoring/topics name={uniq}&query=spindel&slaHours=4 | -   | 302 302 404 404 404 L   L
            POST /monitoring/topics name={uniq}&query=(spindel&slaHours=4 | -  | 422 422 404 404 404 L   L
            GET  /monitoring/topics/{t}                                 | -    | 200 200 404 404 404 L   L
            GET  /monitoring/topics/{t}/figures.csv                     | -    | 200 200 404 404 404 L   L
            POST /monitoring/topics/{t} name={uniq}&query=lager&slaHours=8 | - | 302 302 404 404 404 L   L
            POST /monitoring/topics/{t}/follow                          | -    | 302 302 404 404 404 L   L
            POST /monitoring/topics/{t}/unfollow                        | -    | 302 302 404 404 404 L   L
            POST /monitoring/topics/{t}/delete                          | -    | 302 302 404 404 404 L   L
            GET  /monitoring/sources                                    | -    | 200 200 404 404 404 L   L
            POST /monitoring/sources kind=FEED&name={uniq}&url=https://news.example/feed&intervalMinutes=15
                                                                        | -    | 302 302 404 404 404 L   L
            POST /monitoring/sources kind=FEED&name={uniq}&url=ftp://x&intervalMinutes=15
                                                                        | -    | 422 422 404 404 404 L   L
            GET  /monitoring/sources/{s}                                | -    | 200 200 404 404 404 L   L
            POST /monitoring/sources/{s}/disable                        | -    | 302 302 404 404 404 L   L
            POST /monitoring/sources/{s}/enable                         | -    | 302 302 404 404 404 L   L
            POST /monitoring/sources/{s}/delete                         | -    | 302 302 404 404 404 L   L
            GET  /admin/monitoring                                      | -    | 200 403 403 403 403 L   L
            POST /admin/monitoring spaceId={space}                      | -    | 302 403 403 403 403 L   L
            """;

    static final String API = """
            # endpoint                                                        | kind | adm tm  tgu mem gst dea ano
            GET    /api/v1/monitoring/mentions                                | -    | 200 200 404 404 404 401 401
            GET    /api/v1/monitoring/mentions?limit=500                      | -    | 422 422 404 404 404 401 401
            GET    /api/v1/monitoring/mentions/{m}                            | -    | 200 200 404 404 404 401 401
            GET    /api/v1/monitoring/mentions/999999999                      | -    | 404 404 404 404 404 401 401
            PATCH  /api/v1/monitoring/mentions/{m} {"status":"ASSIGNED","assigneeUserId":"{team}"}
                                                                              | -    | 200 200 404 404 404 401 401
            PATCH  /api/v1/monitoring/mentions/{m} {"status":"IGNORED","reason":"Spam"}
                                                                              | -    | 200 200 404 404 404 401 401
            PATCH  /api/v1/monitoring/mentions/{m} {"status":"CLOSED"}        | -    | 409 409 404 404 404 401 401
            PATCH  /api/v1/monitoring/mentions/{answered} {"status":"CLOSED"} | -    | 200 200 404 404 404 401 401
            POST   /api/v1/monitoring/mentions/{m}/comments {"text":"Intern"} | -    | 201 201 404 404 404 401 401
            POST   /api/v1/monitoring/mentions/{m}/answers {"text":"Danke","link":"https://social.example/2"}
                                                                              | -    | 201 201 404 404 404 401 401
            POST   /api/v1/monitoring/mentions/{m}/shares {"spaceId":"{space}"}
                                                                              | -    | 201 201 404 404 404 401 401
            GET    /api/v1/monitoring/sources                                 | -    | 200 200 404 404 404 401 401
            GET    /api/v1/monitoring/sources/{s}                             | -    | 200 200 404 404 404 401 401
            POST   /api/v1/monitoring/sources {"kind":"WEBHOOK","name":"{uniq}"}
                                                                              | -    | 201 201 404 404 404 401 401
            DELETE /api/v1/monitoring/sources/{s}                             | -    | 204 204 404 404 404 401 401
            GET    /api/v1/monitoring/topics                                  | -    | 200 200 404 404 404 401 401
            POST   /api/v1/monitoring/topics {"name":"{uniq}","query":"spindel","slaHours":4}
                                                                              | -    | 201 201 404 404 404 401 401
            PATCH  /api/v1/monitoring/topics/{t} {"name":"{uniq}","query":"x","slaHours":2}
                                                                              | -    | 200 200 404 404 404 401 401
            PUT    /api/v1/monitoring/topics/{t}/follow                       | -    | 204 204 404 404 404 401 401
            DELETE /api/v1/monitoring/topics/{t}/follow                       | -    | 204 204 404 404 404 401 401
            DELETE /api/v1/monitoring/topics/{t}                              | -    | 204 204 404 404 404 401 401
            POST   /hooks/monitoring/{key} {"text":"unsigned"}                | -    | 401 401 401 401 401 401 401
            """;

    enum Viewer { ADMIN, TEAM, TEAM_GUEST, MEMBER, GUEST, DEACTIVATED, ANONYMOUS }

    private final Map<Viewer, TestUser> users = new EnumMap<>(Viewer.class);
    private final Map<Viewer, WebSession> sessions = new EnumMap<>(Viewer.class);
    private final Map<Viewer, ApiClient> apis = new EnumMap<>(Viewer.class);
    private TestSpace team;
    private long sourceId;
    private Map<String, String> shared;

    @BeforeAll
    void viewers() {
        users.put(Viewer.ADMIN, data.admin());
        users.put(Viewer.TEAM, data.member());
        users.put(Viewer.TEAM_GUEST, data.guest());
        users.put(Viewer.MEMBER, data.member());
        users.put(Viewer.GUEST, data.guest());
        users.put(Viewer.DEACTIVATED, data.member());
        team = data.space("PRIVATE", users.get(Viewer.TEAM));
        data.addMember(team, users.get(Viewer.ADMIN), "MEMBER");
        data.addMember(team, users.get(Viewer.TEAM_GUEST), "MEMBER");
        data.addMember(team, users.get(Viewer.DEACTIVATED), "MEMBER");
        data.addMember(data.space("PUBLIC", data.member()), users.get(Viewer.GUEST), "MEMBER");
        data.jdbc().sql("update monitoring_settings set team_space_id = :s").param("s", team.id()).update();
        sourceId = data.jdbc().sql("""
                        insert into monitoring_sources (source_key, kind, name, secret) values (:k, 'WEBHOOK', :n, 's3cret')
                        returning id""")
                .param("k", TestData.unique("key").replaceAll("[^A-Za-z0-9]", "")).param("n", TestData.unique("Hook"))
                .query(Long.class).single();
        connect(users, Viewer.DEACTIVATED, Viewer.ANONYMOUS, sessions, apis);
        shared = fixture();
    }

    @Test
    void htmlEndpoints() {
        assertCells(HTML, Viewer.values(), 150, (row, v) -> call(false, v, row), (row, v) -> forgetRecentWrites(v));
    }

    @Test
    void apiEndpoints() {
        assertCells(API, Viewer.values(), 100, (row, v) -> call(true, v, row), (row, v) -> forgetRecentWrites(v));
    }

    /** The posting rate limit counts recent posts (a share is one); the matrix shares more than that on purpose. */
    private void forgetRecentWrites(Viewer v) {
        if (users.containsKey(v)) {
            data.jdbc().sql("update posts set created_at = created_at - interval '1 minute'"
                            + " where author_id = :u and created_at > now() - interval '1 minute'")
                    .param("u", users.get(v).id()).update();
        }
    }

    private Http call(boolean api, Viewer v, Row row) {
        Map<String, String> f = row.method().equals("GET") ? shared : fixture();
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

    private static String fill(String template, Map<String, String> f) {
        String s = template;
        for (Map.Entry<String, String> e : f.entrySet()) {
            s = s.replace("{" + e.getKey() + "}", e.getValue());
        }
        return s;
    }

    private Map<String, String> fixture() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("m", Long.toString(mention("NEW")));
        f.put("answered", Long.toString(mention("ANSWERED")));
        f.put("t", Long.toString(data.jdbc().sql("""
                        insert into monitoring_topics (name, query) values (:n, 'spindel') returning id""")
                .param("n", TestData.unique("Topic")).query(Long.class).single()));
        f.put("s", Long.toString(data.jdbc().sql("""
                        insert into monitoring_sources (source_key, kind, name, url, enabled)
                        values (:k, 'FEED', :n, 'https://news.example/feed', false) returning id""")
                .param("k", TestData.unique("k")).param("n", TestData.unique("Feed")).query(Long.class).single()));
        f.put("key", data.jdbc().sql("select source_key from monitoring_sources where id = :id").param("id", sourceId)
                .query(String.class).single());
        f.put("space", Long.toString(team.id()));
        f.put("team", Long.toString(users.get(Viewer.TEAM).id()));
        f.put("uniq", TestData.unique("Name").replaceAll("[^A-Za-z0-9 ]", ""));
        return f;
    }

    private long mention(String status) {
        String text = "Matrix " + TestData.unique("mention") + ": die Spindel ist defekt";
        return data.jdbc().sql("""
                        insert into monitoring_mentions (source_id, author, text, fingerprint, sentiment, published_at,
                                                         due_at, status, first_reaction_at)
                        values (:s, '@kunde', :text, md5(:text), 'NEGATIVE', now(), now() + interval '4 hours',
                                :status, case when :status = 'NEW' then null else now() end)
                        returning id""")
                .param("s", sourceId).param("text", text).param("status", status).query(Long.class).single();
    }
}

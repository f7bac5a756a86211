package de.kontor.search;

import static de.kontor.support.MatrixTable.assertCells;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import de.kontor.support.AbstractIT;
import de.kontor.support.MatrixTable;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.MatrixTable.Row;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/**
 * Authorization matrix of the expert finder and skill endorsements: viewer kind × endpoint → exact status. The
 * expert is {@code {target}} (a member who declares SAP); SELF is the expert themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpertMatrixIT extends AbstractIT {

    static final String HTML = """
            # endpoint                                         | -  | ADMIN MEMBER SELF GUEST DEACTIVATED ANONYMOUS
            GET  /people/experts                               | -  | 200 200 200 403 L L
            GET  /people/experts?q=SAP                         | -  | 200 200 200 403 L L
            GET  /people/{target}                              | -  | 200 200 200 403 L L
            POST /people/{target}/endorsements skill=SAP       | -  | 302 302 403 403 L L
            POST /people/{target}/endorsements skill=SAP&withdraw=true | - | 302 302 302 403 L L
            POST /settings/expert-finder hidden=false          | -  | 302 302 302 302 L L
            """;

    static final String API = """
            GET    /api/v1/experts?q=SAP                           | - | 200 200 200 403 401 401
            GET    /api/v1/experts                                 | - | 422 422 422 403 401 401
            GET    /api/v1/users/{target}/skills                   | - | 200 200 200 403 401 401
            PUT    /api/v1/users/{target}/skills/SAP/endorsement   | - | 204 204 403 403 401 401
            DELETE /api/v1/users/{target}/skills/SAP/endorsement   | - | 204 204 204 403 401 401
            PUT    /api/v1/users/{target}/skills/Kochen/endorsement | - | 422 422 403 403 401 401
            GET    /api/v1/users/me/expert-finder                  | - | 200 200 200 200 401 401
            PUT    /api/v1/users/me/expert-finder {"hidden":false} | - | 200 200 200 200 401 401
            """;

    enum Viewer { ADMIN, MEMBER, SELF, GUEST, DEACTIVATED, ANONYMOUS }

    private final Map<Viewer, TestUser> users = new EnumMap<>(Viewer.class);
    private final Map<Viewer, WebSession> sessions = new EnumMap<>(Viewer.class);
    private final Map<Viewer, ApiClient> apis = new EnumMap<>(Viewer.class);

    @BeforeAll
    void viewers() {
        users.put(Viewer.ADMIN, data.admin());
        users.put(Viewer.MEMBER, data.member());
        users.put(Viewer.SELF, data.member());
        users.put(Viewer.GUEST, data.guest());
        users.put(Viewer.DEACTIVATED, data.member());
        api(users.get(Viewer.SELF)).patch("/api/v1/users/me", "{\"skills\":[\"SAP\"]}");
        connect(users, Viewer.DEACTIVATED, Viewer.ANONYMOUS, sessions, apis);
    }

    @Test
    void htmlEndpoints() {
        assertCells(HTML, Viewer.values(), 30, (row, v) -> call(false, v, row), (row, v) -> { });
    }

    @Test
    void apiEndpoints() {
        assertCells(API, Viewer.values(), 40, (row, v) -> call(true, v, row), (row, v) -> { });
    }

    private Http call(boolean api, Viewer v, Row row) {
        String path = row.path().replace("{target}", Long.toString(users.get(Viewer.SELF).id()));
        if (api) {
            return apis.get(v).send(row.method(), path, row.body());
        }
        WebSession s = sessions.get(v);
        if (row.method().equals("GET")) {
            return s.get(path);
        }
        Map<String, String> form = MatrixTable.form(row.body());
        return s.post(path, form);
    }
}

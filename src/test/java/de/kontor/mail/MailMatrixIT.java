package de.kontor.mail;

import static de.kontor.support.MatrixTable.assertCells;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import de.kontor.mail.internal.MailTestTokens;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.MatrixTable;
import de.kontor.support.MatrixTable.Row;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/**
 * Who may open a space's post-by-email page and replace its address, and the mail pages outside spaces.
 * Viewer columns: administrator (not a member), owner, member, non-member (a company member), guest outside the
 * space, deactivated, anonymous. Space kinds: PUBLIC, PRIVATE, SECRET, ARCHIVED (public, archived); "-" = no space.
 * L = redirect to the login page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailMatrixIT extends AbstractMailIT {

    static final String HTML = """
            #                                   kind      ADM OWN MEM NON GUE DEA ANO
            GET  /spaces/{space}/email        | PUBLIC   | 403 200 200 403 404 L   L
            GET  /spaces/{space}/email        | PRIVATE  | 403 200 200 403 404 L   L
            GET  /spaces/{space}/email        | SECRET   | 403 200 200 404 404 L   L
            GET  /spaces/{space}/email        | ARCHIVED | 403 403 403 403 404 L   L
            POST /spaces/{space}/email        | PUBLIC   | 302 302 403 403 404 L   L
            POST /spaces/{space}/email        | PRIVATE  | 302 302 403 403 404 L   L
            POST /spaces/{space}/email        | SECRET   | 302 302 403 404 404 L   L
            POST /spaces/{space}/email        | ARCHIVED | 409 409 403 403 404 L   L
            GET  /settings/email              | -        | 200 200 200 200 200 L   L
            POST /settings/email frequency=DAILY&hour=7&zone=UTC
                                              | -        | 302 302 302 302 302 L   L
            GET  /admin/mail                  | -        | 200 403 403 403 403 L   L
            POST /admin/mail/addresses/clear address=nobody@example.test
                                              | -        | 302 403 403 403 403 L   L
            GET  /mail/unsubscribe/{token}    | -        | 200 200 200 200 200 200 200
            GET  /mail/unsubscribe/1.X.00     | -        | 404 404 404 404 404 404 404
            """;

    enum Viewer { ADMIN, OWNER, MEMBER, NON_MEMBER, GUEST_OUT, DEACTIVATED, ANONYMOUS }

    @Autowired
    ApplicationContext context;

    private final Map<Viewer, TestUser> users = new EnumMap<>(Viewer.class);
    private final Map<Viewer, WebSession> sessions = new EnumMap<>(Viewer.class);
    private final Map<String, Long> spaces = new HashMap<>();
    private String token;

    @BeforeAll
    void fixtures() {
        users.put(Viewer.ADMIN, data.admin());
        users.put(Viewer.OWNER, data.member());
        users.put(Viewer.MEMBER, data.member());
        users.put(Viewer.NON_MEMBER, data.member());
        users.put(Viewer.GUEST_OUT, data.guest());
        users.put(Viewer.DEACTIVATED, data.member());
        for (String kind : new String[]{"PUBLIC", "PRIVATE", "SECRET", "ARCHIVED"}) {
            TestSpace s = data.space(kind.equals("ARCHIVED") ? "PUBLIC" : kind, users.get(Viewer.OWNER));
            data.addMember(s, users.get(Viewer.MEMBER), "MEMBER");
            data.addMember(s, users.get(Viewer.DEACTIVATED), "MEMBER");
            if (kind.equals("ARCHIVED")) {
                data.archive(s);
            }
            spaces.put(kind, s.id());
        }
        Map<Viewer, ApiClient> apis = new EnumMap<>(Viewer.class);
        connect(users, Viewer.DEACTIVATED, Viewer.ANONYMOUS, sessions, apis);
        // a real unsubscribe link of the member (the page is open to anyone holding it)
        token = MailTestTokens.unsubscribe(context, users.get(Viewer.MEMBER).id(), "MENTIONED");
    }

    @Test
    void htmlEndpoints() {
        assertCells(HTML, Viewer.values(), 80, this::call, (row, v) -> { });
    }

    private Http call(Row row, Viewer v) {
        String path = row.path().replace("{space}", row.kind().equals("-") ? "" : spaces.get(row.kind()).toString())
                .replace("{token}", token);
        WebSession s = sessions.get(v);
        if (row.method().equals("GET")) {
            return s.get(path);
        }
        return s.post(path, MatrixTable.form(row.body()));
    }
}

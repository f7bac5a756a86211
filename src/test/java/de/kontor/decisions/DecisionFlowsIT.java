package de.kontor.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import de.kontor.shared.internal.JobRunner;
import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/**
 * Decisions through the API and the HTML forms: proposing, who is asked, answering, reminders, withdrawing, and
 * closing at the deadline through the real job (outcome, wiki record page, stream announcement, notifications).
 */
class DecisionFlowsIT extends AbstractIT {

    @Autowired
    JobRunner scheduler;

    private static String future() {
        return Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private record Team(TestSpace space, TestUser proposer, TestUser anna, TestUser ben, TestUser guest) {
    }

    private Team team(String visibility) {
        TestUser proposer = data.member();
        TestSpace space = data.space(visibility, proposer);
        TestUser anna = data.member();
        TestUser ben = data.member();
        TestUser guest = data.guest();
        data.addMember(space, anna, "MEMBER");
        data.addMember(space, ben, "MODERATOR");
        data.addMember(space, guest, "MEMBER");
        return new Team(space, proposer, anna, ben, guest);
    }

    private JsonNode propose(TestUser proposer, TestSpace space, String json) {
        Http r = api(proposer).post("/api/v1/spaces/" + space.id() + "/decisions", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.location()).endsWith("/api/v1/decisions/" + r.json().get("id").asString());
        return r.json();
    }

    private int notifications(TestUser user, String type, String decisionId) {
        return data.jdbc().sql("select count(*) from notifications where user_id = :u and type = :t and target_id = :d")
                .param("u", user.id()).param("t", type).param("d", Long.parseLong(decisionId))
                .query(Integer.class).single();
    }

    private void deadlinePasses(String decisionId) {
        data.jdbc().sql("update decisions set deadline = now() - interval '1 second' where id = :id")
                .param("id", Long.parseLong(decisionId)).update();
    }

    private String status(String decisionId) {
        return data.jdbc().sql("select status from decisions where id = :id").param("id", Long.parseLong(decisionId))
                .query(String.class).single();
    }

    @Test
    void consentDecisionIsAnsweredClosedAtTheDeadlineRecordedInTheWikiAndAnnounced() {
        Team t = team("PRIVATE");
        String title = TestData.unique("Homeoffice-Regel");
        JsonNode d = propose(t.proposer(), t.space(), """
                {"title":"%s","context":"Wir schlagen **zwei Tage** Homeoffice pro Woche vor.","kind":"CONSENT",
                 "audience":"SPACE","deadline":"%s","quorum":50}""".formatted(title, future()));
        String id = d.get("id").asString();
        assertThat(d.get("asked").asInt()).isEqualTo(4);
        assertThat(d.get("status").asString()).isEqualTo("OPEN");
        assertThat(d.get("html").asString()).contains("<strong>zwei Tage</strong>");
        assertThat(d.get("pending")).hasSize(4);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> notifications(t.anna(), "DECISION_REQUESTED", id) == 1);
        assertThat(notifications(t.proposer(), "DECISION_REQUESTED", id)).isZero();

        JsonNode answered = api(t.anna()).put("/api/v1/decisions/" + id + "/answer",
                "{\"position\":\"AGREE\",\"reason\":\"Spart Pendelzeit\"}").json();
        assertThat(answered.get("positions").get("AGREE").asInt()).isEqualTo(1);
        assertThat(answered.get("pending")).as("only the proposer sees who has not answered").isEmpty();
        api(t.guest()).put("/api/v1/decisions/" + id + "/answer", "{\"position\":\"ABSTAIN\"}");
        // a second answer replaces the first
        JsonNode changed = api(t.guest()).put("/api/v1/decisions/" + id + "/answer",
                "{\"position\":\"DISAGREE\",\"reason\":\"Kundentermine vor Ort\"}").json();
        assertThat(changed.get("positions").get("ABSTAIN").asInt()).isZero();
        assertThat(changed.get("positions").get("DISAGREE").asInt()).isEqualTo(1);
        JsonNode forProposer = api(t.proposer()).get("/api/v1/decisions/" + id).json();
        assertThat(forProposer.get("pending")).hasSize(2);
        assertThat(forProposer.get("pending").toString()).contains(t.ben().displayName())
                .doesNotContain(t.anna().displayName());

        deadlinePasses(id);
        Http late = api(t.ben()).put("/api/v1/decisions/" + id + "/answer", "{\"position\":\"BLOCK\"}");
        assertThat(late.status()).as("answering after the deadline").isEqualTo(409);
        DeadlineJob.runUntil(scheduler, () -> "DECIDED".equals(status(id)));

        JsonNode decided = api(t.anna()).get("/api/v1/decisions/" + id).json();
        assertThat(decided.get("outcome").asString()).isEqualTo("ACCEPTED");
        String recordUrl = decided.get("recordUrl").asString();
        assertThat(recordUrl).startsWith("/spaces/" + t.space().id() + "/wiki/");
        String record = login(t.anna()).get(recordUrl).body();
        assertThat(record).contains(title).contains(t.anna().displayName())
                .contains("Spart Pendelzeit").contains("Kundentermine vor Ort").contains("Zustimmung")
                .contains("angenommen").contains(t.ben().displayName());
        String postId = decided.get("announcementPostId").asString();
        JsonNode post = api(t.anna()).get("/api/v1/posts/" + postId).json();
        assertThat(post.get("spaceId").asString()).isEqualTo(Long.toString(t.space().id()));
        assertThat(post.get("author").get("id").asString()).isEqualTo(Long.toString(t.proposer().id()));
        assertThat(post.get("bodyHtml").asString()).contains(recordUrl).contains("/decisions/" + id);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> notifications(t.guest(), "DECISION_CLOSED", id) == 1);
        WebSession anna = login(t.anna());
        assertThat(anna.get("/notifications").body())
                .contains(t.proposer().displayName() + " asks for your answer to a decision in " + t.space().name())
                .contains("A decision in " + t.space().name() + " was decided");
        long closedNote = data.jdbc().sql("select id from notifications where user_id = :u and type = 'DECISION_CLOSED'")
                .param("u", t.anna().id()).query(Long.class).single();
        assertThat(anna.get("/notifications/" + closedNote + "/open").location()).endsWith("/decisions/" + id);
        // the record page is filed under the parent page "Entscheidungen" (record-locale de)
        assertThat(record).contains("Entscheidungen");
        // closed: no more answers, no withdrawing
        assertThat(api(t.ben()).put("/api/v1/decisions/" + id + "/answer", "{\"position\":\"AGREE\"}").status())
                .isEqualTo(409);
        assertThat(api(t.proposer()).post("/api/v1/decisions/" + id + "/withdraw", null).status()).isEqualTo(409);
        // listed as decided
        JsonNode list = api(t.anna()).get("/api/v1/spaces/" + t.space().id() + "/decisions?status=decided").json();
        assertThat(list.get("items").toString()).contains(title);
    }

    @Test
    void quorumNotReachedAndBlockDecideNothing() {
        Team t = team("PUBLIC");
        String quorum = propose(t.proposer(), t.space(), """
                {"title":"Quorum","kind":"CONSENT","deadline":"%s","quorum":75}""".formatted(future()))
                .get("id").asString();
        api(t.anna()).put("/api/v1/decisions/" + quorum + "/answer", "{\"position\":\"AGREE\"}");
        JsonNode q = api(t.proposer()).post("/api/v1/decisions/" + quorum + "/close", null).json();
        assertThat(q.get("outcome").asString()).isEqualTo("NO_QUORUM");
        String block = propose(t.proposer(), t.space(), """
                {"title":"Veto","kind":"CONSENT","deadline":"%s"}""".formatted(future())).get("id").asString();
        api(t.anna()).put("/api/v1/decisions/" + block + "/answer", "{\"position\":\"AGREE\"}");
        api(t.ben()).put("/api/v1/decisions/" + block + "/answer", "{\"position\":\"BLOCK\",\"reason\":\"Datenschutz\"}");
        assertThat(api(t.anna()).post("/api/v1/decisions/" + block + "/close", null).status())
                .as("only the proposer closes early").isEqualTo(403);
        JsonNode b = api(t.proposer()).post("/api/v1/decisions/" + block + "/close", null).json();
        assertThat(b.get("outcome").asString()).isEqualTo("BLOCKED");
        assertThat(b.get("status").asString()).isEqualTo("DECIDED");
    }

    @Test
    void optionsDecisionReportsTheChoiceOrATie() {
        Team t = team("PUBLIC");
        JsonNode d = propose(t.proposer(), t.space(), """
                {"title":"Messe 2027","kind":"OPTIONS","options":["Hannover","Stuttgart","Köln"],"deadline":"%s"}"""
                .formatted(future()));
        String id = d.get("id").asString();
        String hannover = d.get("options").get(0).get("id").asString();
        String stuttgart = d.get("options").get(1).get("id").asString();
        api(t.anna()).put("/api/v1/decisions/" + id + "/answer", "{\"optionId\":\"" + hannover + "\"}");
        api(t.ben()).put("/api/v1/decisions/" + id + "/answer", "{\"optionId\":\"" + stuttgart + "\"}");
        Http wrong = api(t.guest()).put("/api/v1/decisions/" + id + "/answer", "{\"optionId\":\"1\"}");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(api(t.guest()).put("/api/v1/decisions/" + id + "/answer", "{\"position\":\"AGREE\"}").status())
                .as("a position is no option").isEqualTo(422);
        JsonNode tie = api(t.proposer()).post("/api/v1/decisions/" + id + "/close", null).json();
        assertThat(tie.get("outcome").asString()).isEqualTo("TIE");
        assertThat(tie.get("winners").toString()).contains("Hannover").contains("Stuttgart");
        assertThat(login(t.anna()).get("/decisions/" + id).body()).contains("Tie").contains("Hannover");
    }

    @Test
    void badProposalsAreRejected() {
        Team t = team("PRIVATE");
        ApiClient p = api(t.proposer());
        String base = "/api/v1/spaces/" + t.space().id() + "/decisions";
        assertField(p.post(base, "{\"title\":\" \",\"kind\":\"CONSENT\",\"deadline\":\"" + future() + "\"}"), "title");
        assertField(p.post(base, "{\"title\":\"T\",\"kind\":\"CONSENT\",\"deadline\":\""
                + Instant.now().minusSeconds(5) + "\"}"), "deadline");
        assertField(p.post(base, "{\"title\":\"T\",\"kind\":\"CONSENT\"}"), "deadline");
        assertField(p.post(base, "{\"title\":\"T\",\"kind\":\"CONSENT\",\"deadline\":\"bald\"}"), "deadline");
        assertField(p.post(base, "{\"title\":\"T\",\"kind\":\"OPTIONS\",\"options\":[\"A\"],\"deadline\":\""
                + future() + "\"}"), "options");
        assertField(p.post(base, "{\"title\":\"T\",\"kind\":\"OPTIONS\",\"deadline\":\"" + future() + "\"}"),
                "options");
        assertField(p.post(base, "{\"title\":\"T\",\"deadline\":\"" + future() + "\"}"), "kind");
        assertField(p.post(base, "{\"title\":\"T\",\"kind\":\"VOTE\",\"deadline\":\"" + future() + "\"}"), "kind");
        assertField(p.post(base, "{\"title\":\"T\",\"kind\":\"CONSENT\",\"quorum\":0,\"deadline\":\"" + future()
                + "\"}"), "quorum");
        assertField(p.post(base, "{\"title\":\"T\",\"kind\":\"CONSENT\",\"quorum\":101,\"deadline\":\"" + future()
                + "\"}"), "quorum");
        TestUser outsider = data.member();
        assertField(p.post(base, "{\"title\":\"T\",\"kind\":\"CONSENT\",\"audience\":\"PEOPLE\",\"people\":[\""
                + outsider.id() + "\"],\"deadline\":\"" + future() + "\"}"), "people");
        assertField(p.post(base, "{\"title\":\"T\",\"kind\":\"CONSENT\",\"audience\":\"PEOPLE\",\"deadline\":\""
                + future() + "\"}"), "people");
        assertField(p.post(base, "{\"title\":\"T\",\"kind\":\"CONSENT\",\"audience\":\"UNIT\",\"unitId\":\"999999\","
                + "\"deadline\":\"" + future() + "\"}"), "unitId");
        assertThat(p.post(base, "{\"title\":").status()).isEqualTo(400);
        assertThat(data.jdbc().sql("select count(*) from decisions where space_id = :s").param("s", t.space().id())
                .query(Integer.class).single()).isZero();
        // non-members: 403 (private space visible) and 404 (secret space)
        assertThat(api(outsider).post(base, "{\"title\":\"T\",\"kind\":\"CONSENT\",\"deadline\":\"" + future()
                + "\"}").status()).isEqualTo(403);
        Team secret = team("SECRET");
        assertThat(api(outsider).post("/api/v1/spaces/" + secret.space().id() + "/decisions",
                "{\"title\":\"T\",\"kind\":\"CONSENT\",\"deadline\":\"" + future() + "\"}").status()).isEqualTo(404);
    }

    private static void assertField(Http r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").toString()).contains("\"" + field + "\"");
    }

    @Test
    void onlyThePeopleAskedAnswerAndOnlyTheProposerWithdraws() {
        Team t = team("PUBLIC");
        JsonNode d = propose(t.proposer(), t.space(), """
                {"title":"Nur Anna","kind":"CONSENT","audience":"PEOPLE","people":["%d"],"deadline":"%s"}"""
                .formatted(t.anna().id(), future()));
        String id = d.get("id").asString();
        assertThat(d.get("asked").asInt()).isEqualTo(1);
        assertThat(api(t.ben()).put("/api/v1/decisions/" + id + "/answer", "{\"position\":\"AGREE\"}").status())
                .isEqualTo(403);
        TestUser reader = data.member();
        assertThat(api(reader).get("/api/v1/decisions/" + id).status()).as("public space: readers read").isEqualTo(200);
        assertThat(api(reader).put("/api/v1/decisions/" + id + "/answer", "{\"position\":\"AGREE\"}").status())
                .isEqualTo(403);
        Http noPosition = api(t.anna()).put("/api/v1/decisions/" + id + "/answer", "{\"reason\":\"hm\"}");
        assertThat(noPosition.status()).isEqualTo(422);
        Http longReason = api(t.anna()).put("/api/v1/decisions/" + id + "/answer",
                "{\"position\":\"AGREE\",\"reason\":\"" + "x".repeat(2001) + "\"}");
        assertThat(longReason.status()).isEqualTo(422);
        assertThat(api(t.anna()).post("/api/v1/decisions/" + id + "/withdraw", null).status()).isEqualTo(403);
        JsonNode withdrawn = api(t.proposer()).post("/api/v1/decisions/" + id + "/withdraw", null).json();
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(api(t.anna()).put("/api/v1/decisions/" + id + "/answer", "{\"position\":\"AGREE\"}").status())
                .isEqualTo(409);
        assertThat(api(t.proposer()).post("/api/v1/decisions/" + id + "/close", null).status()).isEqualTo(409);
        assertThat(api(t.anna()).get("/api/v1/spaces/" + t.space().id() + "/decisions?status=WITHDRAWN").json()
                .get("items").toString()).contains("Nur Anna");
        assertThat(api(t.anna()).get("/api/v1/spaces/" + t.space().id() + "/decisions").json().get("items"))
                .isEmpty();
        assertThat(api(t.anna()).get("/api/v1/spaces/" + t.space().id() + "/decisions?status=maybe").status())
                .isEqualTo(422);
    }

    @Test
    void aUnitIsAskedWithTheUnitsBelowIt() {
        Team t = team("PUBLIC");
        long unit = data.jdbc().sql("insert into org_units (name) values (:n) returning id")
                .param("n", TestData.unique("Vertrieb")).query(Long.class).single();
        long below = data.jdbc().sql("insert into org_units (name, parent_id) values (:n, :p) returning id")
                .param("n", TestData.unique("Vertrieb Süd")).param("p", unit).query(Long.class).single();
        TestUser carla = data.member();
        TestUser dirk = data.member();
        TestUser guest = data.guest();
        for (var e : Map.of(carla, unit, dirk, below, guest, unit).entrySet()) {
            data.jdbc().sql("update users set org_unit_id = :o where id = :u").param("o", e.getValue())
                    .param("u", e.getKey().id()).update();
        }
        JsonNode d = propose(t.proposer(), t.space(), """
                {"title":"Preisliste","kind":"CONSENT","audience":"UNIT","unitId":"%d","deadline":"%s"}"""
                .formatted(unit, future()));
        // the guest cannot read the public space and is not asked
        assertThat(d.get("asked").asInt()).isEqualTo(2);
        String id = d.get("id").asString();
        assertThat(api(dirk).put("/api/v1/decisions/" + id + "/answer", "{\"position\":\"AGREE\"}").status())
                .isEqualTo(200);
        assertThat(api(t.anna()).put("/api/v1/decisions/" + id + "/answer", "{\"position\":\"AGREE\"}").status())
                .isEqualTo(403);
        assertThat(api(carla).get("/api/v1/decisions/waiting").json().get("items").toString()).contains("Preisliste");
        assertThat(api(dirk).get("/api/v1/decisions/waiting").json().get("items").toString())
                .doesNotContain("Preisliste");
        // the navigation counts it, "My decisions" lists it
        String mine = login(carla).get("/decisions").body();
        assertThat(mine).contains("Preisliste").contains("href=\"/decisions/" + id + "\"");
        assertThat(mine.replaceAll("\\s+", " ")).containsPattern("href=\"/decisions\"[^>]*>[^<]+<span class=\"badge\"[^>]*>1</span>");
        assertThat(login(t.proposer()).get("/decisions").body()).contains("Preisliste");
    }

    @Test
    void remindersGoOnceToThoseWhoHaveNotAnswered() {
        Team t = team("PRIVATE");
        String id = propose(t.proposer(), t.space(), """
                {"title":"Bald fällig","kind":"CONSENT","deadline":"%s"}"""
                .formatted(Instant.now().plus(30, ChronoUnit.MINUTES))).get("id").asString();
        api(t.anna()).put("/api/v1/decisions/" + id + "/answer", "{\"position\":\"AGREE\"}");
        // proposed two days ago: both reminder moments have passed, the one-hour reminder is sent
        data.jdbc().sql("update decisions set created_at = now() - interval '2 days' where id = :id")
                .param("id", Long.parseLong(id)).update();
        DeadlineJob.runUntil(scheduler, () -> notifications(t.ben(), "DECISION_REMINDER", id) == 1);
        assertThat(notifications(t.guest(), "DECISION_REMINDER", id)).isEqualTo(1);
        assertThat(notifications(t.anna(), "DECISION_REMINDER", id)).isZero();
        long marked = data.jdbc().sql("""
                        select count(*) from decisions where id = :id and reminded_hour_at is not null
                        and reminded_day_at is not null""").param("id", Long.parseLong(id)).query(Long.class).single();
        assertThat(marked).isEqualTo(1);
        // a further run sends nothing new
        data.jdbc().sql("update decisions set deadline = deadline where id = :id").param("id", Long.parseLong(id))
                .update();
        DeadlineJob.runUntil(scheduler, () -> true);
        assertThat(notifications(t.ben(), "DECISION_REMINDER", id)).isEqualTo(1);
        assertThat(status(id)).isEqualTo("OPEN");
    }

    @Test
    void htmlPagesProposeAnswerAndListDecisions() {
        Team t = team("PRIVATE");
        WebSession proposer = login(t.proposer());
        String list = proposer.get("/spaces/" + t.space().id() + "/decisions").body();
        assertThat(list).contains("empty-state").contains("/spaces/" + t.space().id() + "/decisions/new");
        assertThat(proposer.get("/spaces/" + t.space().id() + "/decisions/new").body()).contains("name=\"deadline\"")
                .contains(t.anna().displayName());
        Http invalid = proposer.post("/spaces/" + t.space().id() + "/decisions", Map.of("title", "",
                "kind", "OPTIONS", "options", "Nur eine", "audience", "SPACE", "deadline", "2001-01-01T10:00"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("field-error").contains("Nur eine");
        String deadline = LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(3).withSecond(0).withNano(0)
                .toString().substring(0, 16);
        Http created = proposer.post("/spaces/" + t.space().id() + "/decisions", Map.of("title", "Neue Kaffeemaschine",
                "context", "Die alte ist *kaputt*.", "kind", "OPTIONS", "options", "Siebträger\r\nVollautomat",
                "audience", "PEOPLE", "people", Long.toString(t.anna().id()), "deadline", deadline, "quorum", ""));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String path = created.location().replaceAll("^https?://[^/]+", "");
        assertThat(path).matches("/decisions/\\d+");
        String page = proposer.get(path).body();
        assertThat(page).contains("Neue Kaffeemaschine").contains("<em>kaputt</em>").contains("Vollautomat")
                .contains("decision-pending").contains(t.anna().displayName());
        WebSession anna = login(t.anna());
        String annaPage = anna.get(path).body();
        assertThat(annaPage).contains("action=\"" + path + "/answer\"").doesNotContain("decision-pending");
        long option = data.jdbc().sql("select id from decision_options where decision_id = :d and label = 'Vollautomat'")
                .param("d", Long.parseLong(path.replaceAll("\\D", ""))).query(Long.class).single();
        Http none = anna.post(path + "/answer", Map.of("reason", "egal"));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("field-error");
        Http answered = anna.post(path + "/answer", Map.of("optionId", Long.toString(option), "reason", "Schneller"));
        assertThat(answered.status()).isEqualTo(302);
        assertThat(anna.get(path).body()).contains("Schneller");
        assertThat(login(t.ben()).get(path).body()).doesNotContain("action=\"" + path + "/answer\"");
        assertThat(proposer.get("/spaces/" + t.space().id() + "/decisions").body()).contains("Neue Kaffeemaschine");
        assertThat(proposer.post(path + "/withdraw", Map.of()).status()).isEqualTo(302);
        assertThat(proposer.get("/spaces/" + t.space().id() + "/decisions?status=withdrawn").body())
                .contains("Neue Kaffeemaschine");
        // the space header links the decisions
        assertThat(proposer.get("/spaces/" + t.space().id()).body())
                .contains("href=\"/spaces/" + t.space().id() + "/decisions\"");
    }
}

package de.kontor.search;

import static de.kontor.search.SearchSupport.encode;
import static de.kontor.search.SearchSupport.post;
import static de.kontor.search.SearchSupport.total;
import static de.kontor.search.SearchSupport.word;
import static de.kontor.support.MatrixTable.assertCells;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.MatrixTable;
import de.kontor.support.MatrixTable.Row;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/**
 * Who finds what: the search endpoints' statuses per viewer, and for every kind of content whether a viewer's
 * results, counts, facets and suggestions show it. Built like {@code StreamMatrixIT}; the tables ARE the
 * specification.
 *
 * <p>Viewer columns: administrator (not a member), owner, member, non-member (a company member), guest-in-space
 * (a guest who is a member), guest-elsewhere (a guest in another space), deactivated, anonymous.
 * Kinds: {@code public}, {@code private}, {@code secret} (a post in such a space, or the space itself for
 * {@code type=space} rows), {@code profile} (a post without a space).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchMatrixIT extends AbstractIT {

    enum Viewer { ADM, OWN, MEM, NON, GIN, GOUT, DEA, ANO }

    /** Statuses; {@code L} is a redirect to the login page. */
    static final String STATUS = """
            # endpoint                                  | kind | adm own mem non gIn gOut dea ano
            GET  /search                                | -    | 200 200 200 200 200 200  L   L
            GET  /search?q=Vertrag                      | -    | 200 200 200 200 200 200  L   L
            GET  /search?q={long}                       | -    | 422 422 422 422 422 422  L   L
            GET  /search/suggest?q=Ve                   | -    | 200 200 200 200 200 200  L   L
            GET  /admin/search                          | -    | 200 403 403 403 403 403  L   L
            GET  /api/v1/search?q=Vertrag               | -    | 200 200 200 200 200 200 401 401
            GET  /api/v1/search?q=                      | -    | 422 422 422 422 422 422 401 401
            GET  /api/v1/search?q={long}                | -    | 422 422 422 422 422 422 401 401
            """;

    /**
     * {@code Y}: the hit is there (title, link, count and facets include it); {@code N}: nothing of it shows, the
     * count is 0 and no facet value exists. Placeholders: {@code {word}} a word only the item contains,
     * {@code {prefix}} the first letters of the item's unique tag or space word.
     */
    static final String FOUND = """
            # endpoint                                    | kind    | adm own mem non gIn gOut
            api     /api/v1/search?q={word}               | public  | Y   Y   Y   Y   Y   N
            api     /api/v1/search?q={word}               | private | Y   Y   Y   N   Y   N
            api     /api/v1/search?q={word}               | secret  | Y   Y   Y   N   Y   N
            api     /api/v1/search?q={word}               | profile | Y   Y   Y   Y   N   N
            api     /api/v1/search?q={word}&type=post     | secret  | Y   Y   Y   N   Y   N
            html    /search?q={word}                      | public  | Y   Y   Y   Y   Y   N
            html    /search?q={word}                      | private | Y   Y   Y   N   Y   N
            html    /search?q={word}                      | secret  | Y   Y   Y   N   Y   N
            html    /search?q={word}                      | profile | Y   Y   Y   Y   N   N
            suggest /search/suggest?q={prefix}            | public  | Y   Y   Y   Y   Y   N
            suggest /search/suggest?q={prefix}            | secret  | Y   Y   Y   N   Y   N
            suggest /search/suggest?q={prefix}            | profile | Y   Y   Y   Y   N   N
            space   /api/v1/search?q={word}&type=space    | public  | Y   Y   Y   Y   Y   N
            space   /api/v1/search?q={word}&type=space    | private | Y   Y   Y   Y   Y   N
            space   /api/v1/search?q={word}&type=space    | secret  | Y   Y   Y   N   Y   N
            spaceS  /search/suggest?q={prefix}            | private | Y   Y   Y   Y   Y   N
            spaceS  /search/suggest?q={prefix}            | secret  | Y   Y   Y   N   Y   N
            """;

    /** One searchable item: a post or a space, with a unique word, a unique title word and the link to it. */
    record Item(String word, String title, String tag, String link) {
    }

    private final Map<Viewer, TestUser> users = new EnumMap<>(Viewer.class);
    private final Map<Viewer, WebSession> sessions = new EnumMap<>(Viewer.class);
    private final Map<Viewer, ApiClient> apis = new EnumMap<>(Viewer.class);
    private final Map<String, Item> posts = new HashMap<>();
    private final Map<String, Item> spaces = new HashMap<>();

    @BeforeAll
    void setUp() {
        users.put(Viewer.ADM, data.admin());
        users.put(Viewer.OWN, data.member());
        users.put(Viewer.MEM, data.member());
        users.put(Viewer.NON, data.member());
        users.put(Viewer.GIN, data.guest());
        users.put(Viewer.GOUT, data.guest());
        users.put(Viewer.DEA, data.member());
        TestSpace elsewhere = data.space("PRIVATE", users.get(Viewer.NON));
        data.addMember(elsewhere, users.get(Viewer.GOUT), "MEMBER");
        ApiClient owner = api(users.get(Viewer.OWN));
        List<String> waitFor = new ArrayList<>();
        for (String kind : List.of("public", "private", "secret")) {
            TestSpace space = data.space(kind.toUpperCase(), users.get(Viewer.OWN));
            data.addMember(space, users.get(Viewer.MEM), "MEMBER");
            data.addMember(space, users.get(Viewer.GIN), "MEMBER");
            posts.put(kind, item(owner, space.id()));
            spaces.put(kind, indexSpace(space));
            waitFor.add(posts.get(kind).word());
        }
        posts.put("profile", item(owner, null));
        waitFor.add(posts.get("profile").word());
        spaces.values().forEach(s -> waitFor.add(s.word()));
        ApiClient admin = api(users.get(Viewer.ADM));
        await().atMost(Duration.ofSeconds(10)).until(() -> waitFor.stream().allMatch(w -> total(admin, w) == 1));
        connect(users, Viewer.DEA, Viewer.ANO, sessions, apis);
    }

    private Item item(ApiClient author, Long spaceId) {
        String w = word();
        String title = word();
        String tag = word();
        long id = post(author, spaceId, "Besprechung " + title + "\nProtokoll " + w + " #" + tag);
        return new Item(w, title, tag, "/posts/" + id);
    }

    /** Spaces made by TestData skip the service, so no event announced them: queue them like the service would. */
    private Item indexSpace(TestSpace space) {
        String w = word();
        data.jdbc().sql("update spaces set name = :n where id = :id").param("n", w + " " + space.name())
                .param("id", space.id()).update();
        data.jdbc().sql("insert into search_outbox (doc_type, doc_id, op) values ('space', :id, 'UPSERT')")
                .param("id", space.id()).update();
        return new Item(w, space.name(), w, "/spaces/" + space.id());
    }

    @Test
    void statuses() {
        String tooLong = "a".repeat(501);
        assertCells(STATUS, Viewer.values(), 50, (row, v) -> {
            String path = row.path().replace("{long}", tooLong);
            return path.startsWith("/api/") ? apis.get(v).get(path) : sessions.get(v).get(path);
        }, (row, v) -> { });
    }

    @Test
    void onlyReadableContentIsFoundCountedFacetedAndSuggested() {
        Viewer[] viewers = {Viewer.ADM, Viewer.OWN, Viewer.MEM, Viewer.NON, Viewer.GIN, Viewer.GOUT};
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (Row row : MatrixTable.parse(FOUND)) {
            assertThat(row.cells()).as(row.source()).hasSize(viewers.length);
            boolean space = row.method().startsWith("space");
            Item item = (space ? spaces : posts).get(row.kind());
            String path = row.path().replace("{word}", encode(item.word()))
                    .replace("{prefix}", encode((space ? item.word() : "#" + item.tag()).substring(0, 8)));
            for (int i = 0; i < viewers.length; i++) {
                Viewer v = viewers[i];
                boolean expected = row.cells().get(i).equals("Y");
                String problem = check(row.method(), path, item, v, expected);
                cells++;
                if (problem != null) {
                    failures.add(String.format("%-8s %-45s %-8s %-5s expected %s: %s", row.method(), row.path(),
                            row.kind(), v, row.cells().get(i), problem));
                }
            }
        }
        assertThat(cells).isGreaterThan(90);
        assertThat(failures).as(failures.size() + " of " + cells + " cells differ:\n" + String.join("\n", failures))
                .isEmpty();
    }

    /** Null when the response shows (or hides) the item as expected, else what is wrong. */
    private String check(String method, String path, Item item, Viewer v, boolean expected) {
        if (method.equals("api") || method.equals("space")) {
            Http r = apis.get(v).get(path);
            if (r.status() != 200) {
                return "status " + r.status();
            }
            JsonNode json = r.json();
            boolean found = json.get("total").asLong() > 0 && r.body().contains(item.link());
            boolean leaks = json.get("total").asLong() > 0 || r.body().contains(item.title())
                    || json.get("facets").properties().stream().anyMatch(e -> !e.getValue().isEmpty());
            return expected ? (found ? null : "not found") : (leaks ? "leaks: " + r.body() : null);
        }
        Http r = sessions.get(v).get(path);
        if (r.status() != 200) {
            return "status " + r.status();
        }
        String marker = method.equals("suggest") ? item.tag() : item.link();
        boolean found = r.body().contains(marker) && (!method.equals("html") || r.body().contains(item.title()));
        boolean leaks = r.body().contains(marker) || r.body().contains(item.title())
                || (method.equals("html") && r.body().contains("facet-count"));
        return expected ? (found ? null : "not found") : (leaks ? "leaks" : null);
    }

    @Test
    void leavingASpaceHidesItsContentAtOnce() {
        TestUser owner = data.member();
        TestUser member = data.member();
        TestSpace space = data.space("PRIVATE", owner);
        data.addMember(space, member, "MEMBER");
        String w = word();
        post(api(owner), space.id(), "Vertraulich " + w);
        ApiClient memberApi = api(member);
        await().atMost(Duration.ofSeconds(5)).until(() -> total(memberApi, w) == 1);

        WebSession web = login(member);
        assertThat(web.post("/spaces/" + space.id() + "/leave", Map.of()).status()).isEqualTo(302);
        assertThat(total(memberApi, w)).isZero();
        assertThat(web.get("/search?q=" + w).body()).doesNotContain("Vertraulich");
    }

    @Test
    void aSpaceTurningSecretDisappearsForNonMembersAtOnce() {
        TestUser owner = data.member();
        TestSpace space = data.space("PRIVATE", owner);
        Item listed = indexSpace(space);
        ApiClient outsider = api(data.member());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> total(outsider, listed.word()) == 1);
        data.jdbc().sql("update spaces set visibility = 'SECRET' where id = :id").param("id", space.id()).update();
        assertThat(total(outsider, listed.word())).isZero();
        assertThat(total(api(owner), listed.word())).isEqualTo(1);
    }

    @Test
    void directMessagesOnlyForTheirParticipantsAndFormerOnesUpToLeaving() {
        TestUser anna = data.member();
        TestUser ben = data.member();
        TestUser carl = data.member();
        ApiClient annaApi = api(anna);
        ApiClient benApi = api(ben);
        ApiClient carlApi = api(carl);
        Http started = annaApi.post("/api/v1/conversations", "{\"participantIds\":[\"" + ben.id() + "\",\""
                + carl.id() + "\"],\"title\":\"Angebot\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String conversation = started.json().get("id").asText();
        String before = word();
        assertThat(annaApi.post("/api/v1/conversations/" + conversation + "/messages",
                "{\"text\":\"Preisliste " + before + "\"}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> total(benApi, before) == 1);
        assertThat(total(carlApi, before)).isEqualTo(1);
        assertThat(total(api(data.member()), before)).isZero();
        assertThat(total(api(data.admin()), before)).isZero();
        JsonNode hit = SearchSupport.search(benApi, before).json().get("items").get(0);
        assertThat(hit.get("type").asText()).isEqualTo("message");
        assertThat(hit.get("url").asText()).startsWith("/messages/" + conversation + "#m-");

        assertThat(carlApi.delete("/api/v1/conversations/" + conversation + "/participants/me").status())
                .isEqualTo(204);
        String after = word();
        assertThat(annaApi.post("/api/v1/conversations/" + conversation + "/messages",
                "{\"text\":\"Neue Preisliste " + after + "\"}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> total(benApi, after) == 1);
        assertThat(total(carlApi, after)).isZero();
        assertThat(total(carlApi, before)).isEqualTo(1);
    }
}

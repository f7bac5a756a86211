package de.kontor.bookmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import de.kontor.files.Uploads;
import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/** Bookmarks end to end: saving, refused addresses, who else saved, popularity, paging, import/export, search. */
class BookmarkFlowsIT extends AbstractIT {

    static String json(String url, String title, String tags, Long spaceId) {
        return "{\"url\":\"" + url + "\",\"title\":\"" + title + "\",\"tags\":[" + tags + "]"
                + (spaceId == null ? "" : ",\"spaceId\":\"" + spaceId + "\"") + "}";
    }

    /** A public address that is never fetched: a literal documentation-free public IP with a unique path. */
    static String url(String path) {
        return "https://93.184.215.14/" + path + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    @Test
    void savesListsFiltersAndPaginatesOwnBookmarks() {
        TestUser anna = data.member();
        ApiClient api = api(anna);
        Http created = api.post("/api/v1/bookmarks", json(url("a"), "SAP Hinweise", "\"sap\",\"#ERP\"", null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.location()).isEqualTo("/api/v1/bookmarks/" + id);
        assertThat(created.json().get("isPrivate").asBoolean()).isTrue();
        assertThat(created.json().get("tags").toString()).isEqualTo("[\"erp\",\"sap\"]");
        api.post("/api/v1/bookmarks", json(url("b"), "Normen", "\"din\"", null));
        api.post("/api/v1/bookmarks", json(url("c"), "SAP Community", "\"sap\"", null));

        Http first = api.get("/api/v1/bookmarks?limit=2");
        assertThat(first.json().get("items")).hasSize(2);
        assertThat(first.json().get("items").get(0).get("title").asText()).isEqualTo("SAP Community");
        assertThat(first.header("Link")).contains("rel=\"next\"");
        Http second = api.get("/api/v1/bookmarks?limit=2&cursor=" + first.json().get("nextCursor").asText());
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("items").get(0).get("title").asText()).isEqualTo("SAP Hinweise");
        assertThat(api.get("/api/v1/bookmarks?tag=sap").json().get("items")).hasSize(2);

        String page = login(anna).get("/bookmarks?tag=din").body();
        assertThat(page).contains("Normen").doesNotContain("SAP Community");
        assertThat(page).contains("href=\"javascript:");
        // saving the same link again in the same place is a duplicate
        Http again = api.post("/api/v1/bookmarks", json(created.json().get("url").asText(), "x", "", null));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void addressesThatAreNotHttpOrPointIntoPrivateNetworksAreRefusedWithTheReason() {
        TestUser anna = data.member();
        ApiClient api = api(anna);
        Map<String, String> refused = Map.of(
                "javascript:alert(1)", "Only http and https addresses can be used.",
                "file:///etc/passwd", "Only http and https addresses can be used.",
                "http://127.0.0.1:8080/admin", "private or local network",
                "http://10.1.2.3/intranet", "private or local network",
                "http://169.254.169.254/latest/meta-data", "private or local network",
                "http://[::1]/", "private or local network");
        refused.forEach((url, reason) -> {
            Http r = api.post("/api/v1/bookmarks", json(url, "t", "", null));
            assertThat(r.status()).as(url).isEqualTo(422);
            assertThat(r.body()).as(url).contains("\"field\":\"url\"").contains(reason);
        });
        // the preview refuses loopback by default too (no allow-list in this context)
        Http preview = api.post("/api/v1/bookmarks/preview", "{\"url\":\"http://127.0.0.1:" + port + "/login\"}");
        assertThat(preview.status()).isEqualTo(422);
        assertThat(preview.body()).contains("private or local network");

        WebSession s = login(anna);
        Http form = s.post("/bookmarks", Map.of("url", "http://localhost/", "title", "Lokal"));
        assertThat(form.status()).isEqualTo(422);
        assertThat(form.body()).contains("id=\"url-error\"").contains("private or local network");
        Http fetch = s.post("/bookmarks", Map.of("url", "ftp://example.org/", "fetch", "1"));
        assertThat(fetch.status()).isEqualTo(422);
        assertThat(fetch.body()).contains("Only http and https addresses can be used.");
        assertThat(data.jdbc().sql("select count(*) from bookmarks where owner_id = :o").param("o", anna.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void savingThroughTheFormRedirectsToTheBookmark() {
        TestUser anna = data.member();
        TestSpace space = data.space("PUBLIC", anna);
        WebSession s = login(anna);
        String u = url("form");
        Http r = s.post("/bookmarks", Map.of("url", u, "title", "Qualitätshandbuch", "note", "Kapitel 4",
                "tags", "qm, iso9001", "spaceId", Long.toString(space.id())));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        assertThat(r.location()).matches(".*/bookmarks/\\d+");
        String page = s.get(r.location().replaceFirst("^https?://[^/]+", "")).body();
        assertThat(page).contains("Qualitätshandbuch").contains("Kapitel 4").contains("#iso9001")
                .contains(space.name());
    }

    @Test
    void whoElseSavedItShowsOnlyReadableSavesAndPrivateSavesNeverCount() {
        TestUser anna = data.member();
        TestUser ben = data.member();
        TestUser carla = data.member();
        TestUser dora = data.member();
        TestSpace open = data.space("PUBLIC", ben);
        TestSpace secret = data.space("SECRET", dora);
        String link = url("shared");
        String tag = "t" + ThreadLocalRandom.current().nextInt(1_000_000);
        // Anna privately, Ben into a public space, Dora into a secret space
        api(anna).post("/api/v1/bookmarks", json(link, "Anna privat", "\"" + tag + "\"", null));
        api(ben).post("/api/v1/bookmarks", json(link, "Ben öffentlich", "\"" + tag + "\"", open.id()));
        api(dora).post("/api/v1/bookmarks", json(link, "Dora geheim", "\"" + tag + "\"", secret.id()));
        String carlas = api(carla).post("/api/v1/bookmarks", json(link, "Carla", "", null)).json().get("id")
                .asText();

        JsonNode others = api(carla).get("/api/v1/bookmarks/" + carlas).json().get("alsoSavedBy");
        assertThat(others).hasSize(1);
        assertThat(others.get(0).get("userId").asText()).isEqualTo(Long.toString(ben.id()));
        String page = login(carla).get("/bookmarks/" + carlas).body();
        assertThat(page).contains(ben.displayName()).doesNotContain(anna.displayName())
                .doesNotContain(dora.displayName()).doesNotContain(secret.name());

        // popularity: Carla reads only Ben's save (1 person); Dora reads Ben's and her own (2 people)
        JsonNode carlaPopular = api(carla).get("/api/v1/bookmarks/popular?tag=" + tag).json().get("items");
        assertThat(carlaPopular).hasSize(1);
        assertThat(carlaPopular.get(0).get("people").asInt()).isEqualTo(1);
        assertThat(api(dora).get("/api/v1/bookmarks/popular?tag=" + tag).json().get("items").get(0).get("people")
                .asInt()).isEqualTo(2);
        assertThat(api(anna).get("/api/v1/bookmarks/popular?tag=" + tag).json().get("items").get(0).get("people")
                .asInt()).isEqualTo(1);
        assertThat(api(carla).get("/api/v1/bookmarks/popular?tag=" + tag + "&week=2020-01-06").json()
                .get("items")).isEmpty();
        assertThat(login(carla).get("/bookmarks/popular?tag=" + tag).body()).contains("Ben öffentlich");
        // someone else's private bookmark does not exist for Carla
        String annas = api(anna).get("/api/v1/bookmarks").json().get("items").get(0).get("id").asText();
        assertThat(api(carla).get("/api/v1/bookmarks/" + annas).status()).isEqualTo(404);
    }

    @Test
    void importsAndExportsTheNetscapeBookmarkFile() {
        TestUser anna = data.member();
        String ok1 = url("import1");
        String ok2 = url("import2");
        String file = """
                <!DOCTYPE NETSCAPE-Bookmark-file-1>
                <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
                <TITLE>Bookmarks</TITLE>
                <H1>Bookmarks</H1>
                <DL><p>
                    <DT><H3>Arbeit</H3>
                    <DL><p>
                        <DT><A HREF="%s" ADD_DATE="1700000000" TAGS="lieferanten,einkauf">Lieferantenportal</A>
                        <DD>Zugang über SSO
                        <DT><A HREF="%s">Maschinenrichtlinie</A>
                        <DT><A HREF="javascript:alert(1)">Böse</A>
                        <DT><A HREF="http://192.168.1.10/router">Router</A>
                        <DT><A HREF="%s">Doppelt</A>
                    </DL><p>
                </DL><p>
                """.formatted(ok1, ok2, ok1);
        Uploads.Body body = Uploads.multipart().file("file", "bookmarks.html", "text/html",
                file.getBytes(StandardCharsets.UTF_8)).body();
        Http r = Uploads.post(baseUrl(), data.token(anna, "read", "write"), "/api/v1/bookmarks/import", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("imported").asInt()).isEqualTo(2);
        assertThat(r.json().get("invalid").asInt()).isEqualTo(2);
        assertThat(r.json().get("duplicates").asInt()).isEqualTo(1);
        JsonNode items = api(anna).get("/api/v1/bookmarks").json().get("items");
        assertThat(items).hasSize(2);
        JsonNode portal = items.get(0).get("title").asText().equals("Lieferantenportal") ? items.get(0) : items.get(1);
        assertThat(portal.get("isPrivate").asBoolean()).isTrue();
        assertThat(portal.get("note").asText()).isEqualTo("Zugang über SSO");
        assertThat(portal.get("tags").toString()).contains("einkauf").contains("lieferanten");
        assertThat(portal.get("createdAt").asText()).startsWith("2023-11-14");

        WebSession s = login(anna);
        Http html = s.post("/bookmarks/import", body.contentType(), body.bytes());
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("0 links imported, 2 skipped as invalid or forbidden, 3 already saved.");

        Http export = s.get("/bookmarks/export.html");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).startsWith("attachment");
        assertThat(export.body()).startsWith("<!DOCTYPE NETSCAPE-Bookmark-file-1>")
                .contains("<DT><A HREF=\"" + ok1 + "\" ADD_DATE=\"1700000000\"")
                .contains("TAGS=\"einkauf,lieferanten\"").contains(">Lieferantenportal</A>")
                .contains("<DD>Zugang über SSO");
    }

    @Test
    void privateBookmarksAreFoundByTheirOwnerOnlyAndSpaceBookmarksByTheSpaceReaders() {
        TestUser anna = data.member();
        TestUser ben = data.member();
        TestUser admin = data.admin();
        TestSpace space = data.space("PRIVATE", ben);
        String secretWord = word();
        String spaceWord = word();
        api(anna).post("/api/v1/bookmarks", json(url("p"), "Notiz " + secretWord, "", null));
        api(ben).post("/api/v1/bookmarks", json(url("s"), "Teamlink " + spaceWord, "", space.id()));
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> total(api(anna), secretWord) == 1 && total(api(ben), spaceWord) == 1);
        JsonNode hit = api(anna).get("/api/v1/search?q=" + secretWord).json().get("items").get(0);
        assertThat(hit.get("type").asText()).isEqualTo("bookmark");
        for (TestUser other : new TestUser[] {ben, admin, data.member(), data.guest()}) {
            assertThat(total(api(other), secretWord)).isZero();
        }
        assertThat(total(api(anna), spaceWord)).isZero();
        assertThat(total(api(admin), spaceWord)).isEqualTo(1);
    }

    static String word() {
        StringBuilder sb = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString();
    }

    private static long total(ApiClient api, String q) {
        return api.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json().get("total")
                .asLong();
    }
}

package de.kontor.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.kontor.support.AbstractIT;
import de.kontor.support.Http;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/** Writing and reading pages through the forms: the tree, links, backlinks, labels and bad input. */
class WikiPagesIT extends AbstractIT {

    @Autowired
    WikiApi wikiApi;

    private long create(WebSession s, TestSpace space, Map<String, String> form) {
        Http r = s.post("/spaces/" + space.id() + "/wiki", form);
        assertThat(r.status()).as(r.toString()).isEqualTo(302);
        return Long.parseLong(r.location().replaceAll(".*/wiki/", ""));
    }

    @Test
    void pagesAreWrittenReadAndLinked() {
        TestUser owner = data.member();
        TestSpace space = data.space("PUBLIC", owner);
        WebSession s = login(owner);
        long handbook = create(s, space, Map.of("title", "Handbuch", "body",
                "# Start\n\nSiehe [[Urlaub beantragen]] und [[Fehlt noch|die fehlende Seite]].\n\n## Zweiter Teil\n\nText",
                "labels", "Onboarding, HR"));
        long vacation = create(s, space, Map.of("title", "Urlaub beantragen", "body", "Im Portal.",
                "parentId", Long.toString(handbook)));

        Http page = s.get("/spaces/" + space.id() + "/wiki/" + handbook);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1 id=\"h-start\">Start</h1>")
                .contains("href=\"#h-zweiter-teil\"")
                .contains("href=\"/spaces/" + space.id() + "/wiki/" + vacation + "\"")
                .contains("class=\"wiki-missing\" href=\"/spaces/" + space.id() + "/wiki/new?title&#61;Fehlt&#43;noch\"")
                .contains("die fehlende Seite")
                .contains("/wiki/labels/onboarding");

        Http child = s.get("/spaces/" + space.id() + "/wiki/" + vacation);
        assertThat(child.body()).as("breadcrumb and backlink")
                .contains("<a href=\"/spaces/" + space.id() + "/wiki/" + handbook + "\">Handbuch</a>");

        Http home = s.get("/spaces/" + space.id() + "/wiki");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Handbuch").contains("Urlaub beantragen");
        assertThat(s.get("/wiki").body()).contains("Urlaub beantragen");
        assertThat(s.get("/spaces/" + space.id() + "/wiki/labels/hr").body()).contains("Handbuch");
    }

    /** The longest page the wiki accepts still fits into a form post (about 1 MB url-encoded with umlauts). */
    @Test
    void aPageOfTheMaximumLengthIsSavedThroughTheForm() {
        TestUser owner = data.member();
        TestSpace space = data.space("PUBLIC", owner);
        WebSession s = login(owner);
        String body = "Größenänderung für Übergänge. ".repeat(6_700).substring(0, 199_990) + " Schluss";
        long page = create(s, space, Map.of("title", "Langes Handbuch", "body", body));
        assertThat(s.get("/spaces/" + space.id() + "/wiki/" + page).body()).contains("Schluss");
    }

    @Test
    void badTitlesAreRefused() {
        TestUser owner = data.member();
        TestSpace space = data.space("PUBLIC", owner);
        WebSession s = login(owner);
        Http empty = s.post("/spaces/" + space.id() + "/wiki", Map.of("title", " ", "body", "x"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("field-error");
        create(s, space, Map.of("title", "Doppelt", "body", "a"));
        Http dup = s.post("/spaces/" + space.id() + "/wiki", Map.of("title", "doppelt", "body", "b"));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.body()).contains("already exists");
    }

    @Test
    void editsKeepRevisionsAndStaleEditsShowTheMergeView() {
        TestUser owner = data.member();
        TestUser other = data.member();
        TestSpace space = data.space("PUBLIC", owner);
        data.addMember(space, other, "MEMBER");
        WebSession a = login(owner);
        WebSession b = login(other);
        long id = create(a, space, Map.of("title", "Prozess", "body", "Schritt 1"));
        long base = data.jdbc().sql("select current_revision_id from wiki_pages where id = :id").param("id", id)
                .query(Long.class).single();
        String path = "/spaces/" + space.id() + "/wiki/" + id;
        assertThat(a.post(path + "/edit", Map.of("baseRevisionId", Long.toString(base), "title", "Prozess",
                "body", "Schritt 1\nSchritt 2 von A", "note", "ergänzt")).status()).isEqualTo(302);
        Http stale = b.post(path + "/edit", Map.of("baseRevisionId", Long.toString(base), "title", "Prozess",
                "body", "Schritt 1\nSchritt 2 von B"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Schritt 2 von A").contains("Schritt 2 von B").contains("merge-form");
        assertThat(a.get(path).body()).contains("Schritt 2 von A").doesNotContain("von B");

        Http history = a.get(path + "/history");
        assertThat(history.body()).contains("ergänzt");
        long newest = data.jdbc().sql("select current_revision_id from wiki_pages where id = :id").param("id", id)
                .query(Long.class).single();
        Http diff = a.get(path + "/diff?from=" + base + "&to=" + newest + "&view=side");
        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.body()).contains("Schritt 2 von A");
        assertThat(a.get(path + "/diff?from=" + base + "&to=" + newest).body()).contains("+ Schritt 2 von A");

        assertThat(a.post(path + "/revisions/" + base + "/restore", Map.of()).status()).isEqualTo(302);
        assertThat(data.jdbc().sql("select count(*) from wiki_revisions where page_id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(a.get(path).body()).doesNotContain("Schritt 2 von A");
    }

    @Test
    void movingBelowItselfIsRefused() {
        TestUser owner = data.member();
        TestSpace space = data.space("PUBLIC", owner);
        WebSession s = login(owner);
        long top = create(s, space, Map.of("title", "Oben", "body", ""));
        long child = create(s, space, Map.of("title", "Mitte", "body", "", "parentId", Long.toString(top)));
        long leaf = create(s, space, Map.of("title", "Unten", "body", "", "parentId", Long.toString(child)));
        Http cyclic = s.post("/spaces/" + space.id() + "/wiki/" + top + "/move",
                Map.of("parentId", Long.toString(leaf)));
        assertThat(cyclic.status()).isEqualTo(422);
        Http self = s.post("/spaces/" + space.id() + "/wiki/" + top + "/move", Map.of("parentId", Long.toString(top)));
        assertThat(self.status()).isEqualTo(422);
        assertThat(s.post("/spaces/" + space.id() + "/wiki/" + leaf + "/move", Map.of("parentId", "")).status())
                .isEqualTo(302);
        assertThat(data.jdbc().sql("select parent_id from wiki_pages where id = :id").param("id", leaf)
                .query(Long.class).optional()).isEmpty();
    }

    @Test
    void otherModulesRecordPagesThroughTheApi() {
        TestUser owner = data.member();
        TestSpace space = data.space("PRIVATE", owner);
        WikiApi.PageRef first = wikiApi.recordPage(space.id(), "Entscheidungen", "Neue Kaffeemaschine",
                "Beschlossen: **ja**", owner.id(), "Ergebnis");
        WikiApi.PageRef again = wikiApi.recordPage(space.id(), "Entscheidungen", "Neue Kaffeemaschine",
                "Beschlossen: **nein**", owner.id(), "korrigiert");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(wikiApi.find(first.id())).contains(first);
        Http page = login(owner).get(first.url());
        assertThat(page.body()).contains("<strong>nein</strong>").contains("Entscheidungen");
        assertThat(login(data.member()).get(first.url()).status()).isEqualTo(404);
    }
}

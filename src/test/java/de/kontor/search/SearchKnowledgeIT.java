package de.kontor.search;

import static de.kontor.search.SearchSupport.quote;
import static de.kontor.search.SearchSupport.search;
import static de.kontor.search.SearchSupport.total;
import static de.kontor.search.SearchSupport.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/** Wiki pages and decisions are found by the readers of their space and by nobody else. */
class SearchKnowledgeIT extends AbstractIT {

    private static final Duration LAG = Duration.ofSeconds(5);

    @Test
    void wikiPagesAreFoundByTextAndLabelUpdatedAndRemovedWithTheirSubpages() {
        TestUser owner = data.member();
        TestUser outsider = data.member();
        TestSpace space = data.space("PRIVATE", owner);
        ApiClient api = api(owner);
        String w = word();
        String label = word();
        String pages = "/api/v1/spaces/" + space.id() + "/wiki/pages";
        Http created = api.post(pages, "{\"title\":\"Wartungsplan Spindeln\",\"text\":"
                + quote("Die Kundenreklamationen zur Spindel " + w + " landen hier.") + ",\"labels\":[\"" + label + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Http child = api.post(pages, "{\"title\":\"Unterseite " + w + "\",\"text\":\"Details\",\"parentId\":\"" + id + "\"}");
        assertThat(child.status()).as(child.body()).isEqualTo(201);
        await().atMost(LAG).until(() -> total(api, w) == 2);

        JsonNode r = api.get("/api/v1/search?q=" + SearchSupport.encode("Reklamation " + w) + "&type=wiki").json();
        assertThat(r.get("total").asLong()).isEqualTo(1);
        JsonNode hit = r.get("items").get(0);
        assertThat(hit.get("type").asString()).isEqualTo("wiki");
        assertThat(hit.get("url").asString()).isEqualTo("/spaces/" + space.id() + "/wiki/" + id);
        assertThat(hit.get("title").asString()).isEqualTo("Wartungsplan Spindeln");
        assertThat(api.get("/api/v1/search?q=" + w + "&tag=" + label).json().get("total").asLong()).isEqualTo(1);
        assertThat(total(api(outsider), w)).isZero();
        assertThat(search(api(outsider), w).body()).doesNotContain("Wartungsplan");

        String etag = api.get(pages + "/" + id).header("ETag");
        String replaced = word();
        Http edited = api.send("PATCH", pages + "/" + id, "{\"text\":\"Neu: " + replaced + "\"}", "If-Match", etag);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        await().atMost(LAG).until(() -> total(api, replaced) == 1 && total(api, w) == 1);

        assertThat(api.delete(pages + "/" + id).status()).isEqualTo(204);
        await().atMost(LAG).until(() -> total(api, replaced) == 0 && total(api, w) == 0);
    }

    @Test
    void decisionsAreFoundByTitleContextAndOptionsOnlyInTheirSpace() {
        TestUser proposer = data.member();
        TestUser outsider = data.member();
        TestSpace space = data.space("SECRET", proposer);
        ApiClient api = api(proposer);
        String w = word();
        String option = word();
        String deadline = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        Http r = api.post("/api/v1/spaces/" + space.id() + "/decisions", "{\"title\":\"Betriebsurlaub " + w
                + "\",\"context\":\"Wir schließen zwischen den Jahren.\",\"kind\":\"OPTIONS\",\"options\":[\"Woche 52\",\""
                + option + "\"],\"deadline\":\"" + deadline + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        await().atMost(LAG).until(() -> total(api, w) == 1);

        JsonNode hit = search(api, option).json().get("items").get(0);
        assertThat(hit.get("type").asString()).isEqualTo("decision");
        assertThat(hit.get("url").asString()).isEqualTo("/decisions/" + id);
        assertThat(total(api, "Jahr " + w)).isEqualTo(1);
        assertThat(total(api(outsider), w)).isZero();
        assertThat(total(api(outsider), option)).isZero();
    }
}

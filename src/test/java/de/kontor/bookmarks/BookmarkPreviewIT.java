package de.kontor.bookmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import de.kontor.files.LimitedSettings;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/**
 * Link previews against a real HTTP server on 127.0.0.1, which this context allow-lists
 * ({@code kontor.outbound.allowed-hosts=127.0.0.1}, see {@link LimitedSettings}); the default context refuses
 * loopback ({@code BookmarkFlowsIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookmarkPreviewIT extends LimitedSettings {

    private HttpServer server;
    private String site;

    @BeforeAll
    void startSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/og", ex -> html(ex, 200, """
                <html><head><title>Fallback-Titel</title>
                <meta property="og:title" content="Neue Fräsmaschine im Werk Nord">
                <meta property="og:description" content="Wie die DMU 65 die Durchlaufzeit halbiert.">
                <meta name="description" content="nicht diese"></head><body>x</body></html>"""));
        server.createContext("/plain", ex -> html(ex, 200, """
                <html><head><title> Lieferantenportal  </title>
                <meta name="description" content="Bestellungen und Rechnungen"></head></html>"""));
        server.createContext("/missing", ex -> html(ex, 404, "<html><title>Nicht gefunden</title></html>"));
        server.createContext("/to-metadata", ex -> {
            ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.start();
        site = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    void stopSite() {
        server.stop(0);
    }

    private static void html(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Test
    void openGraphComesFirstThenTitleAndMetaDescription() {
        ApiClient api = api(data.member());
        JsonNode og = api.post("/api/v1/bookmarks/preview", "{\"url\":\"" + site + "/og\"}").json();
        assertThat(og.get("fetched").asBoolean()).isTrue();
        assertThat(og.get("title").asText()).isEqualTo("Neue Fräsmaschine im Werk Nord");
        assertThat(og.get("description").asText()).isEqualTo("Wie die DMU 65 die Durchlaufzeit halbiert.");
        JsonNode plain = api.post("/api/v1/bookmarks/preview", "{\"url\":\"" + site + "/plain\"}").json();
        assertThat(plain.get("title").asText()).isEqualTo("Lieferantenportal");
        assertThat(plain.get("description").asText()).isEqualTo("Bestellungen und Rechnungen");
    }

    @Test
    void theShareFormFillsTitleAndNoteFromThePage() {
        TestUser anna = data.member();
        WebSession s = login(anna);
        Http r = s.post("/bookmarks", Map.of("url", site + "/og", "fetch", "1", "title", "", "note", ""));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("value=\"Neue Fräsmaschine im Werk Nord\"")
                .contains("Wie die DMU 65 die Durchlaufzeit halbiert.</textarea>");
        // what the person typed wins over the page
        Http typed = s.post("/bookmarks", Map.of("url", site + "/og", "fetch", "1", "title", "Mein Titel"));
        assertThat(typed.body()).contains("value=\"Mein Titel\"");
    }

    @Test
    void aPageThatCannotBeReadStillLetsThePersonSave() {
        TestUser anna = data.member();
        ApiClient api = api(anna);
        JsonNode missing = api.post("/api/v1/bookmarks/preview", "{\"url\":\"" + site + "/missing\"}").json();
        assertThat(missing.get("fetched").asBoolean()).isFalse();
        WebSession s = login(anna);
        Http form = s.post("/bookmarks", Map.of("url", site + "/missing", "fetch", "1"));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("did not return a web page");
        Http saved = s.post("/bookmarks", Map.of("url", site + "/missing", "title", "Selbst getippt"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        // a redirect into a forbidden range is refused although the first host is allowed
        Http redirect = api.post("/api/v1/bookmarks/preview", "{\"url\":\"" + site + "/to-metadata\"}");
        assertThat(redirect.status()).isEqualTo(422);
        assertThat(redirect.body()).contains("private or local network");
    }
}

package de.kontor.wiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/** The wiki API: ETag/If-Match, bad input, tree, revisions, attachments, comments, watching, templates, export. */
class WikiApiIT extends AbstractIT {

    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private String pages(TestSpace s) {
        return "/api/v1/spaces/" + s.id() + "/wiki/pages";
    }

    @Test
    void editsNeedTheCurrentETag() {
        TestUser owner = data.member();
        TestSpace space = data.space("PUBLIC", owner);
        ApiClient api = api(owner);
        Http created = api.post(pages(space), "{\"title\":\"Reisekosten\",\"text\":\"Version 1\",\"labels\":[\"HR\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String location = created.location();
        String etag = created.header("ETag");
        assertThat(location).startsWith(pages(space) + "/");
        assertThat(etag).matches("\"\\d+\"");
        assertThat(api.get(location).header("ETag")).isEqualTo(etag);
        assertThat(api.get(location).json().get("labels").get(0).asString()).isEqualTo("hr");

        assertThat(api.patch(location, "{\"text\":\"no tag\"}").status()).isEqualTo(428);
        Http ok = api.send("PATCH", location, "{\"text\":\"Version 2\",\"note\":\"korrigiert\"}", "If-Match", etag);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        String newTag = ok.header("ETag");
        assertThat(newTag).isNotEqualTo(etag);
        Http stale = api.send("PATCH", location, "{\"text\":\"Version 3\"}", "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).contains("problem+json");
        assertThat(stale.header("ETag")).isEqualTo(newTag);
        assertThat(api.get(location).json().get("text").asString()).isEqualTo("Version 2");
        assertThat(api.send("PUT", location, "{\"title\":\"Reisekosten\",\"text\":\"Version 3\"}", "If-Match", newTag)
                .status()).isEqualTo(200);

        JsonList revisions = new JsonList(api.get(location + "/revisions"));
        assertThat(revisions.size()).isEqualTo(3);
        Http diff = api.get(location + "/diff?from=" + revisions.id(2) + "&to=" + revisions.id(0));
        assertThat(diff.json().get("added").asInt()).isEqualTo(1);
        Http restored = api.post(location + "/revisions/" + revisions.id(2) + "/restore", null);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.json().get("text").asString()).isEqualTo("Version 1");
        assertThat(new JsonList(api.get(location + "/revisions")).size()).isEqualTo(4);
    }

    @Test
    void badInputIsRefused() {
        TestUser owner = data.member();
        TestSpace space = data.space("PUBLIC", owner);
        ApiClient api = api(owner);
        Http empty = api.post(pages(space), "{\"title\":\"\",\"text\":\"x\"}");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
        String parent = api.post(pages(space), "{\"title\":\"Eltern\"}").json().get("id").asString();
        String child = api.post(pages(space), "{\"title\":\"Kind\",\"parentId\":\"" + parent + "\"}").json().get("id")
                .asString();
        assertThat(api.post(pages(space), "{\"title\":\"kind\",\"parentId\":\"" + parent + "\"}").status())
                .isEqualTo(409);
        assertThat(api.post(pages(space), "{\"title\":\"Kind\"}").status()).as("same title elsewhere").isEqualTo(201);
        Http cyclic = api.post(pages(space) + "/" + parent + "/move", "{\"parentId\":\"" + child + "\"}");
        assertThat(cyclic.status()).isEqualTo(422);
        assertThat(cyclic.json().get("errors").get(0).get("field").asString()).isEqualTo("parentId");
        assertThat(api.post(pages(space) + "/" + child + "/move", "{\"parentId\":null}").status())
                .as("a top-level 'Kind' exists already").isEqualTo(409);
        Http reordered = api.post(pages(space) + "/" + parent + "/move", "{\"parentId\":null,\"position\":0}");
        assertThat(reordered.status()).isEqualTo(200);
        assertThat(reordered.json().get("position").asInt()).isEqualTo(0);
        Http tree = api.get("/api/v1/spaces/" + space.id() + "/wiki/tree");
        assertThat(tree.json().get(0).get("title").asString()).isEqualTo("Eltern");
        assertThat(tree.json().get(0).get("children").get(0).get("title").asString()).isEqualTo("Kind");
    }

    @Test
    void attachmentsAreCheckedByContentAndSize() throws IOException {
        TestUser owner = data.member();
        TestSpace space = data.space("PUBLIC", owner);
        String page = api(owner).post(pages(space), "{\"title\":\"Mit Bild\",\"text\":\"![Logo](attachment:logo.png)\"}")
                .json().get("id").asString();
        WebSession s = login(owner);
        String files = pages(space) + "/" + page + "/attachments";
        Upload png = Upload.file("logo.png", "application/octet-stream", PNG);
        Http uploaded = s.post(files, png.contentType(), png.body());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.json().get("contentType").asString()).isEqualTo("image/png");
        HttpResponse<byte[]> image = s.getBytes("/spaces/" + space.id() + "/wiki/" + page + "/attachments/logo.png");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.body()).isEqualTo(PNG);
        assertThat(s.get("/spaces/" + space.id() + "/wiki/" + page).body())
                .contains("src=\"/spaces/" + space.id() + "/wiki/" + page + "/attachments/logo.png\"");

        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        Upload program = Upload.file("harmlos.png", "image/png", exe);
        assertThat(s.post(files, program.contentType(), program.body()).status()).isEqualTo(415);
        Upload html = Upload.file("seite.txt", "text/plain",
                "<html><body><script>alert(1)</script></body></html>".getBytes());
        assertThat(s.post(files, html.contentType(), html.body()).status()).isEqualTo(415);
        Upload big = Upload.file("gross.txt", "text/plain", "x".repeat(10 * 1024 * 1024 + 1).getBytes());
        assertThat(s.post(files, big.contentType(), big.body()).status()).isEqualTo(413);
        assertThat(new JsonList(api(owner).get(files)).size()).isEqualTo(1);
        assertThat(api(owner).delete(files + "/logo.png").status()).isEqualTo(204);
    }

    @Test
    void watchersAreNotifiedCommentsAndTemplatesWork() {
        TestUser owner = data.member();
        TestUser reader = data.member();
        TestSpace space = data.space("PUBLIC", owner);
        ApiClient api = api(owner);
        Http created = api.post(pages(space), "{\"title\":\"Beobachtet\",\"text\":\"a\"}");
        String page = created.location();
        assertThat(api(reader).put(page + "/watch", null).status()).isEqualTo(204);
        api.send("PATCH", page, "{\"text\":\"b\"}", "If-Match", created.header("ETag"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api(reader).get("/api/v1/notifications?limit=100").body()).contains("WIKI_PAGE_CHANGED"));

        assertThat(api(reader).post(page + "/comments", "{\"text\":\"Danke!\"}").status())
                .as("a non-member reads a public space but does not write in it").isEqualTo(403);
        Http comment = api.post(page + "/comments", "{\"text\":\"**Gut** so\"}");
        assertThat(comment.status()).isEqualTo(201);
        assertThat(comment.json().get("html").asString()).contains("<strong>Gut</strong>");
        assertThat(api.post(page + "/comments", "{\"text\":\" \"}").status()).isEqualTo(422);

        String templates = "/api/v1/spaces/" + space.id() + "/wiki/templates";
        assertThat(api.get(templates).body()).contains("meeting-notes").contains("decision-record");
        assertThat(api.post(templates, "{\"name\":\"Schichtübergabe\",\"text\":\"## Offene Punkte\"}").status())
                .isEqualTo(201);
        assertThat(api.post(templates, "{\"name\":\"schichtübergabe\",\"text\":\"x\"}").status()).isEqualTo(409);
        TestUser member = data.member();
        data.addMember(space, member, "MEMBER");
        assertThat(api(member).post(templates, "{\"name\":\"Meins\",\"text\":\"x\"}").status()).isEqualTo(403);
        WebSession de = login(owner).language("de");
        assertThat(de.get("/spaces/" + space.id() + "/wiki/new?template=meeting-notes").body())
                .contains("Tagesordnung");
    }

    @Test
    void pagesExportAsMarkdownZipPrintViewAndAtomFeed() throws IOException, InterruptedException {
        TestUser owner = data.member();
        TestSpace space = data.space("PRIVATE", owner);
        ApiClient api = api(owner);
        String root = api.post(pages(space), "{\"title\":\"Handbuch\",\"text\":\"Inhalt & mehr <b>\"}").json()
                .get("id").asString();
        api.post(pages(space), "{\"title\":\"Kapitel 1\",\"text\":\"Eins\",\"parentId\":\"" + root + "\"}");
        Upload note = Upload.file("notiz.txt", "text/plain", "Notiz".getBytes());
        WebSession s = login(owner);
        assertThat(s.post(pages(space) + "/" + root + "/attachments", note.contentType(), note.body()).status())
                .isEqualTo(201);
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + pages(space) + "/" + root + "/export?tree=true"))
                .header("Authorization", "Bearer " + data.token(owner, "read")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        assertThat(names).containsExactly("Handbuch.md", "Handbuch.files/notiz.txt", "Handbuch/Kapitel 1.md");

        Http print = s.get("/spaces/" + space.id() + "/wiki/" + root + "/print?tree=true");
        assertThat(print.body()).contains("wiki-print.css").contains("Kapitel 1").contains("Inhalt &amp; mehr");
        Http atom = s.get("/spaces/" + space.id() + "/wiki/" + root + "/history.atom");
        assertThat(atom.status()).isEqualTo(200);
        assertThat(atom.header("Content-Type")).startsWith("application/atom+xml");
        assertThat(atom.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
                .contains("Inhalt &amp; mehr &lt;b&gt;");
        assertThat(login(data.member()).get("/spaces/" + space.id() + "/wiki/" + root + "/history.atom").status())
                .isEqualTo(404);
        assertThat(s.post("/spaces/" + space.id() + "/wiki/" + root + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(api.get(pages(space)).json().get("items").size()).isZero();
    }

    @Test
    void theApiIsDocumented() {
        Http docs = anonymous().get("/api/v1/openapi.json");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/spaces/{spaceId}/wiki/pages/{pageId}")
                .contains("/api/v1/spaces/{spaceId}/wiki/pages/{pageId}/diff").contains("\"Wiki\"");
    }

    /** The items of a list response. */
    record JsonList(Http response) {
        int size() {
            return response.json().get("items").size();
        }

        String id(int i) {
            return response.json().get("items").get(i).get("id").asString();
        }
    }
}

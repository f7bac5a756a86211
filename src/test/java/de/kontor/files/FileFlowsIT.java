package de.kontor.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/** Files end to end: upload, versions, restore, folders, downloads, previews, search and bad input. */
class FileFlowsIT extends AbstractIT {

    @Autowired
    FileStore store;

    @Autowired
    IdentityApi identity;

    private String token(TestUser u) {
        return data.token(u, "read", "write");
    }

    private Http upload(String token, long spaceId, String name, String claimed, byte[] content) {
        return Uploads.post(baseUrl(), token, "/api/v1/spaces/" + spaceId + "/files",
                Uploads.multipart().file("file", name, claimed, content).body());
    }

    @Test
    void uploadVersionsRestoreAndDownload() {
        TestUser anna = data.member();
        TestSpace space = data.space("PRIVATE", anna);
        String t = token(anna);

        Http created = upload(t, space.id(), "Angebot.txt", "application/pdf", "Version eins".getBytes());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.location()).isEqualTo("/api/v1/files/" + id);
        // the browser's claim is ignored: Tika detects plain text
        assertThat(created.json().get("contentType").asText()).isEqualTo("text/plain");
        assertThat(created.json().get("version").asInt()).isEqualTo(1);

        Http v2 = Uploads.post(baseUrl(), t, "/api/v1/files/" + id + "/versions",
                Uploads.multipart().file("file", "egal.txt", "text/plain", "Version zwei".getBytes()).body());
        assertThat(v2.status()).as(v2.body()).isEqualTo(201);
        assertThat(v2.location()).isEqualTo("/api/v1/files/" + id + "/versions/2");
        // the same name in the same folder is a new version, not a second file
        Http v3 = upload(t, space.id(), "angebot.txt", "text/plain", "Version drei".getBytes());
        assertThat(v3.json().get("id").asText()).isEqualTo(id);
        assertThat(v3.json().get("version").asInt()).isEqualTo(3);

        assertThat(text(t, "/api/v1/files/" + id + "/content")).isEqualTo("Version drei");
        assertThat(text(t, "/api/v1/files/" + id + "/versions/1/content")).isEqualTo("Version eins");

        Http restored = api(anna).post("/api/v1/files/" + id + "/versions/1/restore", null);
        assertThat(restored.status()).as(restored.body()).isEqualTo(201);
        assertThat(restored.json().get("number").asInt()).isEqualTo(4);
        assertThat(restored.json().get("restoredFrom").asInt()).isEqualTo(1);
        assertThat(text(t, "/api/v1/files/" + id + "/content")).isEqualTo("Version eins");
        JsonNode versions = api(anna).get("/api/v1/files/" + id + "/versions").json().get("items");
        assertThat(versions).hasSize(4);
        assertThat(versions.get(0).get("number").asInt()).isEqualTo(4);

        Http list = api(anna).get("/api/v1/spaces/" + space.id() + "/files");
        assertThat(list.json().get("items")).hasSize(1);
        assertThat(list.json().get("items").get(0).get("name").asText()).isEqualTo("Angebot.txt");
    }

    @Test
    void paginatesTheFilesOfAFolder() {
        TestUser anna = data.member();
        TestSpace space = data.space("PUBLIC", anna);
        String t = token(anna);
        for (String n : new String[] {"a.txt", "b.txt", "c.txt"}) {
            assertThat(upload(t, space.id(), n, "text/plain", n.getBytes()).status()).isEqualTo(201);
        }
        Http first = api(anna).get("/api/v1/spaces/" + space.id() + "/files?limit=2");
        assertThat(first.json().get("items")).hasSize(2);
        String next = first.json().get("nextCursor").asText();
        assertThat(first.header("Link")).contains("rel=\"next\"");
        Http second = api(anna).get("/api/v1/spaces/" + space.id() + "/files?limit=2&cursor=" + next);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("items").get(0).get("name").asText()).isEqualTo("c.txt");
        assertThat(second.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void htmlAndOtherActiveFilesAreOnlyEverDownloads() {
        TestUser anna = data.member();
        TestSpace space = data.space("PUBLIC", anna);
        String t = token(anna);
        byte[] html = "<html><body><script>alert(document.cookie)</script></body></html>".getBytes();
        // a browser claiming image/png for an HTML file changes nothing
        String id = upload(t, space.id(), "bild.png", "image/png", html).json().get("id").asText();
        String svgId = upload(t, space.id(), "logo.svg", "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes())
                .json().get("id").asText();
        WebSession s = login(anna);
        for (String path : new String[] {"/api/v1/files/" + id + "/content", "/files/" + id + "/view",
                "/files/" + id + "/download", "/files/" + svgId + "/view"}) {
            HttpResponse<byte[]> r = s.getBytes(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Disposition").orElse("")).as(path).startsWith("attachment");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).as(path).startsWith("sandbox");
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path)
                    .doesNotContain("html").doesNotContain("svg").doesNotContain("image/png");
        }
        assertThat(s.getBytes("/files/" + id + "/preview").statusCode()).isEqualTo(404);
    }

    @Test
    void imagesAndPdfsHavePreviews() {
        TestUser anna = data.member();
        TestSpace space = data.space("SECRET", anna);
        String t = token(anna);
        String png = upload(t, space.id(), "foto.png", "application/octet-stream", Uploads.png(40, 30))
                .json().get("id").asText();
        String pdf = upload(t, space.id(), "handbuch.pdf", "application/octet-stream",
                Uploads.pdf("Wartungshandbuch Fraesmaschine")).json().get("id").asText();

        HttpResponse<byte[]> image = Uploads.getBytes(baseUrl(), t, "/api/v1/files/" + png + "/preview");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
        HttpResponse<byte[]> thumb = Uploads.getBytes(baseUrl(), t, "/api/v1/files/" + pdf + "/preview");
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(thumb.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(new String(thumb.body(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        // the thumbnail is kept: a second request is served from the database
        long cached = data.jdbc().sql("""
                        select count(*) from file_previews p join file_versions v on v.id = p.version_id
                        where v.file_id = :f""").param("f", Long.parseLong(pdf)).query(Long.class).single();
        assertThat(cached).isEqualTo(1);
        HttpResponse<byte[]> open = Uploads.getBytes(baseUrl(), t, "/api/v1/files/" + pdf + "/content");
        assertThat(open.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(open.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
    }

    @Test
    void emptyFilesAndMissingFilesAreInvalid() {
        TestUser anna = data.member();
        TestSpace space = data.space("PUBLIC", anna);
        Http empty = upload(token(anna), space.id(), "leer.txt", "text/plain", new byte[0]);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("\"field\":\"file\"");
        Http none = Uploads.post(baseUrl(), token(anna), "/api/v1/spaces/" + space.id() + "/files",
                Uploads.multipart().field("folderId", "").body());
        assertThat(none.status()).isEqualTo(422);

        WebSession s = login(anna);
        Uploads.Body body = Uploads.multipart().file("file", "leer.txt", "text/plain", new byte[0]).body();
        Http page = s.post("/spaces/" + space.id() + "/files", body.contentType(), body.bytes());
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("field-error").contains("The file is empty.");
    }

    @Test
    void foldersCanBeCreatedRenamedMovedAndDeletedWhenEmpty() {
        TestUser anna = data.member();
        TestSpace space = data.space("PUBLIC", anna);
        ApiClient api = api(anna);
        Http a = api.post("/api/v1/spaces/" + space.id() + "/folders", "{\"name\":\"Angebote\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        String aId = a.json().get("id").asText();
        String bId = api.post("/api/v1/spaces/" + space.id() + "/folders",
                "{\"name\":\"2026\",\"parentId\":\"" + aId + "\"}").json().get("id").asText();
        assertThat(api.post("/api/v1/spaces/" + space.id() + "/folders", "{\"name\":\"angebote\"}").status())
                .isEqualTo(409);
        // no folder moves into its own subfolder
        assertThat(api.patch("/api/v1/files/folders/" + aId, "{\"parentId\":\"" + bId + "\"}").status())
                .isEqualTo(422);
        Http up = Uploads.post(baseUrl(), token(anna), "/api/v1/spaces/" + space.id() + "/files",
                Uploads.multipart().field("folderId", bId).file("file", "liste.csv", "text/csv", "a;b\n1;2\n"
                        .getBytes()).body());
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json().get("folderId").asText()).isEqualTo(bId);
        assertThat(api.delete("/api/v1/files/folders/" + bId).status()).isEqualTo(409);
        String fileId = up.json().get("id").asText();
        assertThat(api.patch("/api/v1/files/" + fileId, "{\"folderId\":\"\",\"name\":\"Liste 2026.csv\"}").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/files/" + fileId).json().get("folderId").isNull()).isTrue();
        assertThat(api.patch("/api/v1/files/folders/" + bId, "{\"name\":\"Archiv\",\"parentId\":\"\"}").json()
                .get("parentId").isNull()).isTrue();
        assertThat(api.delete("/api/v1/files/folders/" + bId).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/spaces/" + space.id() + "/folders").json().get("items")).hasSize(1);
    }

    @Test
    void fileStoreAppliesTheSameRulesForOtherModules() {
        TestUser anna = data.member();
        TestUser outsider = data.member();
        TestSpace space = data.space("SECRET", anna);
        KontorUser a = identity.principal(anna.id()).orElseThrow();
        StoredFile f = store.store(a, space.id(), "Anhang Rechnung.pdf",
                new ByteArrayInputStream(Uploads.pdf("Rechnung 4711")));
        assertThat(f.contentType()).isEqualTo("application/pdf");
        assertThat(f.version()).isEqualTo(1);
        assertThat(api(anna).get("/api/v1/files/" + f.id()).status()).isEqualTo(200);
        KontorUser o = identity.principal(outsider.id()).orElseThrow();
        assertThatThrownBy(() -> store.store(o, space.id(), "x.txt", new ByteArrayInputStream("x".getBytes())))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> store.store(a, space.id(), "leer.txt", new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(DomainException.Invalid.class);
        data.archive(space);
        assertThatThrownBy(() -> store.store(a, space.id(), "y.txt", new ByteArrayInputStream("y".getBytes())))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void pdfTextIsFoundBySpaceReadersOnly() {
        TestUser anna = data.member();
        TestUser outsider = data.member();
        TestSpace space = data.space("PRIVATE", anna);
        String word = word();
        String id = upload(token(anna), space.id(), "plan.pdf", "application/pdf", Uploads.pdf("Der " + word
                + " gilt ab Montag")).json().get("id").asText();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> total(api(anna), word) == 1);
        JsonNode hit = api(anna).get("/api/v1/search?q=" + word).json().get("items").get(0);
        assertThat(hit.get("type").asText()).isEqualTo("file");
        assertThat(hit.get("url").asText()).isEqualTo("/files/" + id);
        assertThat(total(api(outsider), word)).isZero();
        assertThat(total(api(data.guest()), word)).isZero();
        assertThat(api(anna).delete("/api/v1/files/" + id).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(15)).until(() -> total(api(anna), word) == 0);
    }

    private static long total(ApiClient api, String q) {
        return api.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json().get("total")
                .asLong();
    }

    private String text(String token, String path) {
        HttpResponse<byte[]> r = Uploads.getBytes(baseUrl(), token, path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** A made-up lower-case word nobody else writes. */
    static String word() {
        StringBuilder sb = new StringBuilder("zq");
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }
}

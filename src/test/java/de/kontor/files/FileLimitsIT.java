package de.kontor.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import de.kontor.support.Http;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/** The per-file and per-space limits (64 KiB and 160 KiB here): 413 with a message that says which limit. */
class FileLimitsIT extends LimitedSettings {

    @Test
    void aFileAboveTheLimitIsRefusedAndNothingIsStored() {
        TestUser anna = data.member();
        TestSpace space = data.space("PUBLIC", anna);
        String token = data.token(anna, "read", "write");
        Http r = Uploads.post(baseUrl(), token, "/api/v1/spaces/" + space.id() + "/files",
                Uploads.multipart().file("file", "gross.bin", "application/octet-stream",
                        new byte[(int) MAX_FILE + 1]).body());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.body()).contains("at most 64 KB per file");
        assertThat(data.jdbc().sql("select count(*) from files where space_id = :s").param("s", space.id())
                .query(Long.class).single()).isZero();
        Http exact = Uploads.post(baseUrl(), token, "/api/v1/spaces/" + space.id() + "/files",
                Uploads.multipart().file("file", "passt.bin", "application/octet-stream", new byte[(int) MAX_FILE])
                        .body());
        assertThat(exact.status()).as(exact.body()).isEqualTo(201);

        WebSession s = login(anna);
        Uploads.Body body = Uploads.multipart().file("file", "gross.bin", "application/octet-stream",
                new byte[(int) MAX_FILE + 10]).body();
        Http page = s.post("/spaces/" + space.id() + "/files", body.contentType(), body.bytes());
        assertThat(page.status()).isEqualTo(413);
        assertThat(page.body()).contains("field-error").contains("at most 64 KB per file");
    }

    @Test
    void aFullSpaceRefusesMoreWithAClearMessage() {
        TestUser anna = data.member();
        TestSpace space = data.space("PRIVATE", anna);
        String token = data.token(anna, "read", "write");
        for (int i = 0; i < 2; i++) {
            Http ok = Uploads.post(baseUrl(), token, "/api/v1/spaces/" + space.id() + "/files",
                    Uploads.multipart().file("file", "teil" + i + ".bin", "application/octet-stream",
                            new byte[60 * 1024]).body());
            assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        }
        Http full = Uploads.post(baseUrl(), token, "/api/v1/spaces/" + space.id() + "/files",
                Uploads.multipart().file("file", "teil2.bin", "application/octet-stream", new byte[60 * 1024])
                        .body());
        assertThat(full.status()).isEqualTo(413);
        assertThat(full.body()).contains("The space has no room for this file").contains("160 KB");
        // another space has its own room
        TestSpace other = data.space("PRIVATE", anna);
        assertThat(Uploads.post(baseUrl(), token, "/api/v1/spaces/" + other.id() + "/files",
                Uploads.multipart().file("file", "teil2.bin", "application/octet-stream", new byte[60 * 1024])
                        .body()).status()).isEqualTo(201);
    }
}

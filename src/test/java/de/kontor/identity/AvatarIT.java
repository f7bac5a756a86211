package de.kontor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import de.kontor.support.AbstractIT;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.WebSession;

class AvatarIT extends AbstractIT {

    static byte[] png(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** Random noise does not compress: a 1000×1000 RGB PNG is about 3 MB, over the default 2 MB limit. */
    static byte[] noisePng() throws IOException {
        BufferedImage img = new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < 1000; y++) {
            for (int x = 0; x < 1000; x++) {
                img.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void realPngIsScaledStoredAndServedWithEtag() throws Exception {
        TestData.TestUser user = data.member();
        WebSession s = login(user);
        s.get("/settings/profile");
        Multipart m = new Multipart().file("avatar", "me.jpg", "application/octet-stream", png(600, 400));
        Http r = s.post("/settings/avatar", m.contentType(), m.body());
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).endsWith("/settings/profile");

        Http profile = s.get("/people/" + user.id());
        assertThat(profile.body()).contains("<img src=\"/people/" + user.id() + "/avatar?v=1\"");

        HttpResponse<byte[]> img = s.getBytes("/people/" + user.id() + "/avatar?v=1");
        assertThat(img.statusCode()).isEqualTo(200);
        assertThat(img.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(img.headers().firstValue("Cache-Control").orElse("")).contains("private").contains("max-age");
        String etag = img.headers().firstValue("ETag").orElseThrow();
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(img.body()));
        assertThat(stored.getWidth()).isEqualTo(256);
        assertThat(stored.getHeight()).isEqualTo(256);

        HttpResponse<byte[]> again = s.getBytes("/people/" + user.id() + "/avatar?v=1", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        // another member may see it too; after removal it is gone and the version moved on
        WebSession other = login(data.member());
        assertThat(other.get("/people/" + user.id() + "/avatar").status()).isEqualTo(200);
        assertThat(s.post("/settings/avatar/delete", java.util.Map.of()).status()).isEqualTo(302);
        assertThat(other.get("/people/" + user.id() + "/avatar").status()).isEqualTo(404);
        assertThat(data.jdbc().sql("select avatar_version from users where id = :id").param("id", user.id())
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void textFileNamedPngIsRejected() {
        TestData.TestUser user = data.member();
        WebSession s = login(user);
        s.get("/settings/profile");
        Multipart m = new Multipart().file("avatar", "evil.png", "image/png",
                "this is not a picture\n".getBytes(StandardCharsets.UTF_8));
        Http r = s.post("/settings/avatar", m.contentType(), m.body());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"avatar-error\"").contains("This file is not a PNG, JPEG, GIF or WebP picture.");
        assertThat(data.jdbc().sql("select avatar is null from users where id = :id").param("id", user.id())
                .query(Boolean.class).single()).isTrue();

        Http api = apiUpload(user, m);
        assertThat(api.status()).isEqualTo(422);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.json().get("errors").get(0).get("field").asString()).isEqualTo("avatar");
    }

    @Test
    void tooLargePictureIs413() throws Exception {
        TestData.TestUser user = data.member();
        WebSession s = login(user);
        s.get("/settings/profile");
        byte[] big = noisePng();
        assertThat(big.length).isGreaterThan(2 * 1024 * 1024);
        Multipart m = new Multipart().file("avatar", "big.png", "image/png", big);
        Http r = s.post("/settings/avatar", m.contentType(), m.body());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).contains("id=\"avatar-error\"").contains("The picture is too large: at most 2 MB.");

        Http api = apiUpload(user, m);
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.json().get("detail").asString()).contains("too large");
    }

    @Test
    void apiUploadAndRemove() throws Exception {
        TestData.TestUser user = data.member();
        Http r = apiUpload(user, new Multipart().file("avatar", "a", "text/plain", png(64, 64)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("avatarUrl").asString()).isEqualTo("/people/" + user.id() + "/avatar?v=1");
        assertThat(api(user).delete("/api/v1/users/me/avatar").status()).isEqualTo(204);
        assertThat(api(user).get("/api/v1/users/me").json().get("avatarUrl").isNull()).isTrue();
    }

    private Http apiUpload(TestData.TestUser user, Multipart m) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()
                                    + "/api/v1/users/me/avatar"))
                            .header("Authorization", "Bearer " + data.token(user, "read", "write"))
                            .header("Accept", "application/json")
                            .header("Content-Type", m.contentType())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(m.body())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Http(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package de.kontor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A JSON client for {@code /api/v1} with a bearer token (or none). */
public class ApiClient {

    private final String base;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public ApiClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public Http get(String path) {
        return send("GET", path, null);
    }

    public Http post(String path, String json) {
        return send("POST", path, json);
    }

    public Http patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public Http put(String path, String json) {
        return send("PUT", path, json);
    }

    public Http delete(String path) {
        return send("DELETE", path, null);
    }

    public Http send(String method, String path, String json) {
        return send(method, path, json, new String[0]);
    }

    /** With extra request headers as name, value pairs (e.g. {@code Idempotency-Key}). */
    public Http send(String method, String path, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Http(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package de.kontor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for HTML endpoints: keeps cookies, never follows redirects (tests assert them),
 * and sends the CSRF token it last saw in a page's {@code <meta name="csrf-token">}.
 */
public class WebSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");

    private final String base;
    private final HttpClient client;
    private String csrf;
    private String acceptLanguage = "en";

    public WebSession(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static WebSession login(String base, String email, String password) {
        WebSession s = new WebSession(base);
        Http r = s.submitLogin(email, password);
        if (r.status() != 302 || r.location() == null || r.location().contains("/login")) {
            throw new IllegalStateException("login failed for " + email + ": " + r.status() + " " + r.location());
        }
        s.get("/"); // the session id and CSRF token change at login
        return s;
    }

    public WebSession language(String lang) {
        this.acceptLanguage = lang;
        return this;
    }

    public Http submitLogin(String email, String password) {
        get("/login");
        return post("/login", Map.of("username", email, "password", password));
    }

    public Http get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** GETs raw bytes with extra headers (name, value, name, value, ...), e.g. for images and conditional GETs. */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a form with the CSRF token (fetched from the home page if none was seen yet). */
    public Http post(String path, Map<String, String> form) {
        ensureCsrf();
        Map<String, String> all = new LinkedHashMap<>(form);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POSTs raw bytes (e.g. multipart) with the CSRF token as a header. */
    public Http post(String path, String contentType, byte[] body) {
        ensureCsrf();
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType).header("X-CSRF-TOKEN", csrf == null ? "" : csrf)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A JSON API call using this browser session (cookie + CSRF header). */
    public Http json(String method, String path, String json) {
        ensureCsrf();
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf == null ? "" : csrf)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    private void ensureCsrf() {
        if (csrf == null) {
            get("/");
        }
        if (csrf == null) {
            get("/login");
        }
    }

    public String csrf() {
        return csrf;
    }

    private Http send(HttpRequest.Builder b) {
        try {
            b.header("Accept-Language", acceptLanguage);
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(r.body());
            if (m.find() && !m.group(1).isEmpty()) {
                csrf = m.group(1);
            }
            return new Http(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

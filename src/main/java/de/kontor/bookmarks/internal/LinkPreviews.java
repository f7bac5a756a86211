package de.kontor.bookmarks.internal;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

import de.kontor.shared.net.OutboundHttp;

/**
 * Title and description of a web page for the "share link" form: OpenGraph {@code og:title}/{@code og:description},
 * else {@code <title>} and the meta description. Fetched only through {@link OutboundHttp} (SSRF guard, limits).
 */
@Component
class LinkPreviews {

    /** What the page says about itself; either may be empty. */
    record Preview(String title, String description) {
    }

    private final OutboundHttp http;

    LinkPreviews(OutboundHttp http) {
        this.http = http;
    }

    /**
     * The page's title and description; empty when the page answered but is no HTML page or not 2xx. Throws
     * {@link OutboundHttp.Refused} when the address is refused or the fetch failed.
     */
    Optional<Preview> fetch(URI uri) {
        OutboundHttp.Response r = http.get(uri, Map.of("Accept", "text/html,application/xhtml+xml"));
        if (r.status() < 200 || r.status() >= 300) {
            return Optional.empty();
        }
        String type = r.mediaType();
        if (!type.isEmpty() && !type.equals("text/html") && !type.equals("application/xhtml+xml")) {
            return Optional.empty();
        }
        Document doc = Jsoup.parse(new String(r.body(), charset(r)), r.uri().toString());
        String title = first(meta(doc, "og:title"), doc.title());
        String description = first(meta(doc, "og:description"), meta(doc, "description"));
        return Optional.of(new Preview(clip(title, 300), clip(description, 2000)));
    }

    private static String meta(Document doc, String name) {
        Element e = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
        return e == null ? "" : e.attr("content");
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : (b == null ? "" : b.strip());
    }

    private static String clip(String s, int max) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    private static Charset charset(OutboundHttp.Response r) {
        return r.header("Content-Type").map(v -> {
            for (String part : v.split(";")) {
                String p = part.strip();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").strip());
                    } catch (RuntimeException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
            return StandardCharsets.UTF_8;
        }).orElse(StandardCharsets.UTF_8);
    }
}

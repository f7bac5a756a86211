package de.kontor.bookmarks.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import de.kontor.shared.DomainException;
import de.kontor.shared.net.OutboundHttp;

/** Parsing, checking and normalising the addresses and tags of bookmarks. */
final class Links {

    static final int URL_MAX = 2000;
    static final int TAGS_MAX = 10;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]{0,39}");

    private Links() {
    }

    /**
     * The address as a URI, or 422 on the field {@code url} with the reason Kontor would not fetch it: only http and
     * https, a host, no credentials, no loopback/private/link-local address (unless allow-listed). A host name that
     * does not resolve right now is kept: a bookmark may point at a site that is down or only reachable elsewhere.
     */
    static URI check(OutboundHttp http, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new DomainException.Invalid("url", "validation.required");
        }
        String text = raw.strip();
        if (text.length() > URL_MAX) {
            throw new DomainException.Invalid("url", "validation.maxLength", URL_MAX);
        }
        URI uri = parse(text);
        try {
            http.check(uri);
        } catch (OutboundHttp.Refused e) {
            boolean unresolved = e.reason() == OutboundHttp.Reason.HOST && uri.getHost() != null
                    && !uri.getHost().isBlank() && uri.getRawUserInfo() == null;
            if (!unresolved) {
                throw new DomainException.Invalid("url", e.reason().messageKey());
            }
        }
        return uri;
    }

    static URI parse(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new DomainException.Invalid("url", "bookmarks.error.url");
        }
    }

    /**
     * The key that groups saves of the same link: scheme and host in lower case, no default port, no fragment,
     * an empty path as "/".
     */
    static String key(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Tags from a comma or space separated text: lower case, without '#', unique; 422 on the field {@code tags}. */
    static List<String> tags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String part : text.split("[,\\s]+")) {
            String t = part.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            if (!TAG.matcher(t).matches()) {
                throw new DomainException.Invalid("tags", "bookmarks.error.tag", part);
            }
            tags.add(t);
        }
        if (tags.size() > TAGS_MAX) {
            throw new DomainException.Invalid("tags", "bookmarks.error.tooManyTags", TAGS_MAX);
        }
        return new ArrayList<>(tags);
    }

    /** A tag from a filter parameter: null when empty, 422 when malformed. */
    static String tagFilter(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        List<String> t = tags(tag);
        return t.isEmpty() ? null : t.getFirst();
    }
}

package de.kontor.monitoring.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns what a source delivered into mentions: plain text (HTML removed with jsoup), kept only when it matches at
 * least one topic's query, with language, sentiment and the response deadline; stored once across all sources
 * (same canonical URL or same text fingerprint).
 */
@Component
class Listening {

    /** One item a source delivered; {@code text} may contain HTML; {@code language} as the source claims it. */
    record Heard(String url, String author, String text, Instant publishedAt, String language) {
    }

    /** How many items came in and how many were stored as new mentions. */
    record Outcome(int received, int stored) {
    }

    static final int MAX_TEXT = 10_000;

    private static final Logger log = LoggerFactory.getLogger(Listening.class);

    private final TopicRepository topics;
    private final MentionRepository mentions;
    private final Sentiment sentiment = Sentiment.load();
    private final Map<String, Query> parsed = new ConcurrentHashMap<>();
    Listening(TopicRepository topics, MentionRepository mentions) {
        this.topics = topics;
        this.mentions = mentions;
    }

    Sentiment sentiment() {
        return sentiment;
    }

    Outcome ingest(long sourceId, List<Heard> items) {
        List<Topic> all = topics.list();
        int stored = 0;
        Instant now = Instant.now();
        for (Heard h : items) {
            String text = plain(h.text());
            if (text.isEmpty()) {
                continue;
            }
            List<String> words = Folding.words(text);
            List<Topic> matched = all.stream().filter(t -> query(t).matches(words)).toList();
            if (matched.isEmpty()) {
                continue;
            }
            Language language = Language.ofCode(h.language());
            if (language == Language.UNKNOWN) {
                language = Language.detect(text);
            }
            Sentiment.Result s = sentiment.analyse(text, language);
            Instant due = matched.stream().map(t -> WorkingHours.add(now, Duration.ofHours(t.slaHours())))
                    .min(Instant::compareTo).orElseThrow();
            String author = h.author() == null ? "" : plain(h.author());
            OptionalLong id = mentions.insert(new MentionRepository.NewMention(sourceId, h.url(), canonical(h.url()),
                    author.length() > 200 ? author.substring(0, 200) : author, text, Folding.fingerprint(text),
                    language.code(), s.score(), s.label(), String.join("\n", s.words()),
                    h.publishedAt() == null || h.publishedAt().isAfter(now) ? now : h.publishedAt(), now, due),
                    matched.stream().map(Topic::id).collect(Collectors.toCollection(ArrayList::new)));
            if (id.isPresent()) {
                stored++;
            }
        }
        return new Outcome(items.size(), stored);
    }

    private Query query(Topic t) {
        return parsed.computeIfAbsent(t.query(), Query::parse);
    }

    /** Text without markup, white space collapsed, at most {@link #MAX_TEXT} characters. */
    static String plain(String htmlOrText) {
        if (htmlOrText == null) {
            return "";
        }
        String text = Jsoup.parse(htmlOrText.replace("<br", "\n<br").replace("</p>", "</p>\n")).text().strip();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text;
    }

    /**
     * The URL that identifies an item across sources: lower-case scheme and host, no fragment, no tracking
     * parameters ({@code utm_*}), no trailing slash; null for a missing or unparsable URL.
     */
    static String canonical(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI u = URI.create(url.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                return null;
            }
            String query = u.getRawQuery() == null ? null : java.util.Arrays.stream(u.getRawQuery().split("&"))
                    .filter(p -> !p.toLowerCase(Locale.ROOT).startsWith("utm_")).collect(Collectors.joining("&"));
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT)
                    + (u.getPort() < 0 ? "" : ":" + u.getPort()) + path
                    + (query == null || query.isEmpty() ? "" : "?" + query);
        } catch (IllegalArgumentException e) {
            log.debug("Unparsable mention URL {}", url);
            return null;
        }
    }
}

package de.kontor.monitoring.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import de.kontor.shared.net.OutboundHttp;

/**
 * Reads an RSS or Atom feed (Rome) through {@link OutboundHttp} with a conditional GET: the stored {@code ETag} and
 * {@code Last-Modified} go out as {@code If-None-Match} / {@code If-Modified-Since}, and a 304 means nothing new.
 * A feed that is not XML, or larger than the outbound size limit, fails the poll; an entry without text is skipped.
 */
@Component
class FeedFetcher {

    private static final Logger log = LoggerFactory.getLogger(FeedFetcher.class);

    private final OutboundHttp http;

    FeedFetcher(OutboundHttp http) {
        this.http = http;
    }

    Fetched fetch(Source source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5");
        if (source.etag() != null) {
            headers.put("If-None-Match", source.etag());
        }
        if (source.lastModified() != null) {
            headers.put("If-Modified-Since", source.lastModified());
        }
        OutboundHttp.Response response = Fetching.get(http, URI.create(source.url()), headers);
        if (response.status() == 304) {
            return new Fetched(List.of(), source.etag(), source.lastModified(), null);
        }
        Fetching.requireOk(response);
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(response.body())));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new Fetched.Failed("not a readable RSS/Atom feed: " + e.getMessage());
        }
        List<Listening.Heard> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String text = text(entry);
            if (text.isBlank()) {
                log.info("Feed {}: entry {} without text skipped", source.id(), entry.getLink());
                continue;
            }
            Instant published = entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
                    : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : null;
            items.add(new Listening.Heard(entry.getLink(), entry.getAuthor(), text, published, null));
        }
        return new Fetched(items, response.header("ETag").orElse(null),
                response.header("Last-Modified").orElse(null), null);
    }

    private static String text(SyndEntry entry) {
        StringBuilder sb = new StringBuilder();
        if (entry.getTitle() != null) {
            sb.append(entry.getTitle()).append(". ");
        }
        if (entry.getDescription() != null && entry.getDescription().getValue() != null) {
            sb.append(entry.getDescription().getValue()).append(' ');
        } else {
            for (SyndContent c : entry.getContents()) {
                if (c.getValue() != null) {
                    sb.append(c.getValue()).append(' ');
                }
            }
        }
        return sb.toString();
    }
}

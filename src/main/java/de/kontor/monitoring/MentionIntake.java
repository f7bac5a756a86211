package de.kontor.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * Mentions heard elsewhere handed to monitoring (the demo company's inbox, importers): they go through the same
 * listening as polled ones — topic matching, plain text, language, sentiment, response deadline and dedupe.
 */
public interface MentionIntake {

    /** One public item; {@code language} "de"/"en" or null to detect it. */
    record Item(String url, String author, String text, Instant publishedAt, String language) {
    }

    /** Stores the items that match a topic and are not known yet; returns how many were stored. */
    int receive(long sourceId, List<Item> items);
}

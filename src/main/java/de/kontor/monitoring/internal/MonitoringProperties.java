package de.kontor.monitoring.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the monitoring module ({@code kontor.monitoring.*}): how long mention texts are kept, how often the
 * jobs look for due sources, spikes and overdue mentions, and Mastodon paging.
 */
@ConfigurationProperties(prefix = "kontor.monitoring")
record MonitoringProperties(Duration retention, Duration pollInterval, Duration checkInterval,
                            int mastodonPageSize, int mastodonMaxPages) {

    MonitoringProperties {
        retention = retention == null ? Duration.ofDays(365) : retention;
        pollInterval = pollInterval == null ? Duration.ofSeconds(60) : pollInterval;
        checkInterval = checkInterval == null ? Duration.ofMinutes(5) : checkInterval;
        mastodonPageSize = mastodonPageSize <= 0 ? 40 : mastodonPageSize;
        mastodonMaxPages = mastodonMaxPages <= 0 ? 5 : mastodonMaxPages;
    }
}

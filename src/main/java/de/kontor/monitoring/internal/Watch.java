package de.kontor.monitoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.monitoring.MentionOverdue;
import de.kontor.monitoring.TopicSpiked;

/**
 * What the periodic check does: deletes mention texts past the retention period, reminds about mentions past their
 * response time, and raises spike alerts. A spike: in the last hour a topic got at least {@link #MIN_VOLUME} mentions
 * and three times its hourly average of the 7 days before (VOLUME), or at least {@link #MIN_NEGATIVE} negative
 * mentions making up a share at least 30 points above the topic's own negative share of those 7 days (NEGATIVE);
 * the same for the last day against the daily average, with twice the minimum counts (VOLUME_DAY, NEGATIVE_DAY).
 * Each alert is sent once per topic, kind and hour (day).
 */
@Component
class Watch {

    static final int MIN_VOLUME = 5;
    static final int MIN_NEGATIVE = 3;
    private static final Logger log = LoggerFactory.getLogger(Watch.class);

    private final MentionRepository mentions;
    private final TopicRepository topics;
    private final MonitoringTeam team;
    private final MonitoringProperties properties;
    private final ApplicationEventPublisher events;

    Watch(MentionRepository mentions, TopicRepository topics, MonitoringTeam team, MonitoringProperties properties,
          ApplicationEventPublisher events) {
        this.mentions = mentions;
        this.topics = topics;
        this.team = team;
        this.properties = properties;
        this.events = events;
    }

    @Transactional
    int deleteExpiredTexts() {
        int deleted = mentions.deleteTextsBefore(Instant.now().minus(properties.retention()));
        if (deleted > 0) {
            log.info("Monitoring retention: texts of {} mentions deleted", deleted);
        }
        return deleted;
    }

    /** Reminds the followers of the mention's topics (in the team) once about a mention past its response time. */
    @Transactional
    int remindOverdue() {
        List<Mention> overdue = mentions.lockOverdueUnreminded(Instant.now(), 200);
        for (Mention m : overdue) {
            List<Long> recipients = mentions.topicIds(List.of(m.id())).getOrDefault(m.id(), List.of()).stream()
                    .flatMap(t -> topics.followerIds(t).stream()).distinct().filter(team::isMember).toList();
            mentions.markReminded(m.id());
            if (!recipients.isEmpty()) {
                events.publishEvent(new MentionOverdue(m.id(), recipients, m.dueAt()));
            }
        }
        return overdue.size();
    }

    @Transactional
    int alertSpikes() {
        Instant now = Instant.now();
        int sent = 0;
        for (Topic t : topics.list()) {
            sent += spikes(t, now, Duration.ofHours(1), ChronoUnit.HOURS, "", 1);
            sent += spikes(t, now, Duration.ofDays(1), ChronoUnit.DAYS, "_DAY", 2);
        }
        return sent;
    }

    /**
     * Compares the last {@code window} with the 7 days before it; a day needs {@code factor} times the hour's
     * minimum counts. One alert per topic, kind and window.
     */
    private int spikes(Topic t, Instant now, Duration window, ChronoUnit unit, String suffix, int factor) {
        Instant from = now.minus(window);
        int[] last = mentions.counts(t.id(), from, now);
        int[] base = mentions.counts(t.id(), from.minus(Duration.ofDays(7)), from);
        double perWindow = base[0] / (7.0 * Duration.ofDays(1).dividedBy(window));
        double baseShare = base[0] == 0 ? 0 : (double) base[1] / base[0];
        double share = last[0] == 0 ? 0 : (double) last[1] / last[0];
        Instant windowAt = now.truncatedTo(unit);
        int sent = 0;
        if (last[0] >= MIN_VOLUME * factor && last[0] >= 3 * perWindow) {
            sent += alert(t, "VOLUME" + suffix, windowAt, now);
        }
        if (last[1] >= MIN_NEGATIVE * factor && share >= baseShare + 0.3) {
            sent += alert(t, "NEGATIVE" + suffix, windowAt, now);
        }
        return sent;
    }

    private int alert(Topic t, String kind, Instant window, Instant now) {
        if (!mentions.recordAlert(t.id(), kind, window)) {
            return 0;
        }
        List<Long> recipients = topics.followerIds(t.id()).stream().filter(team::isMember).toList();
        if (!recipients.isEmpty()) {
            events.publishEvent(new TopicSpiked(t.id(), kind, recipients, now));
        }
        return 1;
    }
}

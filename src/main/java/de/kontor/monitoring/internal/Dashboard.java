package de.kontor.monitoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * A topic's figures over the last {@link #DAYS} days, for the team as a whole (never per person): mentions per day
 * by sentiment, the sentiment shares, the first-reaction time (median and 90th percentile, in working hours) and the
 * share of mentions first reacted to within the response time.
 */
@Component
public class Dashboard {

    static final int DAYS = 30;

    /** One day: all mentions and by sentiment. */
    public record Day(LocalDate date, int total, int positive, int neutral, int negative) {
    }

    /**
     * {@code median}/{@code p90} null without reactions; {@code withinSla} null while nothing is due yet;
     * {@code decided} counts mentions reacted to or past their due time.
     */
    public record Figures(List<Day> days, int total, int positive, int neutral, int negative, Duration median,
                   Duration p90, Double withinSla, int decided) {
    }

    private final MentionRepository mentions;

    Dashboard(MentionRepository mentions) {
        this.mentions = mentions;
    }

    Figures figures(long topicId) {
        LocalDate today = LocalDate.now(WorkingHours.ZONE);
        LocalDate first = today.minusDays(DAYS - 1L);
        Instant from = first.atStartOfDay(WorkingHours.ZONE).toInstant();
        Map<LocalDate, int[]> daily = mentions.daily(topicId, from);
        List<Day> days = new ArrayList<>();
        int total = 0;
        int pos = 0;
        int neu = 0;
        int neg = 0;
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            int[] c = daily.getOrDefault(d, new int[4]);
            days.add(new Day(d, c[0], c[1], c[2], c[3]));
            total += c[0];
            pos += c[1];
            neu += c[2];
            neg += c[3];
        }
        List<Long> reactionSeconds = new ArrayList<>();
        int decided = 0;
        int inTime = 0;
        Instant now = Instant.now();
        for (MentionRepository.Reaction r : mentions.reactions(topicId, from)) {
            if (r.firstReactionAt() != null) {
                reactionSeconds.add(WorkingHours.between(r.receivedAt(), r.firstReactionAt()).toSeconds());
                decided++;
                if (!r.firstReactionAt().isAfter(r.dueAt())) {
                    inTime++;
                }
            } else if (now.isAfter(r.dueAt())) {
                decided++;
            }
        }
        reactionSeconds.sort(Long::compare);
        return new Figures(days, total, pos, neu, neg, percentile(reactionSeconds, 0.5),
                percentile(reactionSeconds, 0.9), decided == 0 ? null : (double) inTime / decided, decided);
    }

    /** Nearest-rank percentile; null for no values. */
    static Duration percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return Duration.ofSeconds(sorted.get(Math.max(0, rank - 1)));
    }
}

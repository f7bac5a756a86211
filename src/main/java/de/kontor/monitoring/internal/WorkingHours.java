package de.kontor.monitoring.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Working-hours arithmetic for response deadlines: Monday to Friday, 08:00–17:00 in the company's time zone
 * (Europe/Berlin, summer time included). Public holidays are not known and count as working days.
 */
final class WorkingHours {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final LocalTime START = LocalTime.of(8, 0);
    private static final LocalTime END = LocalTime.of(17, 0);

    private WorkingHours() {
    }

    /** The instant {@code amount} of working time after {@code from} (an arrival outside hours starts next morning). */
    static Instant add(Instant from, Duration amount) {
        ZonedDateTime t = from.atZone(ZONE);
        long left = amount.toSeconds();
        while (true) {
            t = nextWorkingMoment(t);
            ZonedDateTime endOfDay = t.with(END);
            long available = Duration.between(t, endOfDay).toSeconds();
            if (left <= available) {
                return t.plusSeconds(left).toInstant();
            }
            left -= available;
            t = t.plusDays(1).with(START);
        }
    }

    /** Working time between two instants (zero when {@code to} is not after {@code from}). */
    static Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        ZonedDateTime t = from.atZone(ZONE);
        ZonedDateTime end = to.atZone(ZONE);
        long seconds = 0;
        while (true) {
            t = nextWorkingMoment(t);
            if (!t.isBefore(end)) {
                return Duration.ofSeconds(seconds);
            }
            ZonedDateTime endOfDay = t.with(END);
            if (!end.isAfter(endOfDay)) {
                return Duration.ofSeconds(seconds + Duration.between(t, end).toSeconds());
            }
            seconds += Duration.between(t, endOfDay).toSeconds();
            t = t.plusDays(1).with(START);
        }
    }

    private static ZonedDateTime nextWorkingMoment(ZonedDateTime t) {
        ZonedDateTime x = t;
        if (!x.toLocalTime().isBefore(END)) {
            x = x.plusDays(1).with(START);
        }
        if (x.toLocalTime().isBefore(START)) {
            x = x.with(START);
        }
        while (x.getDayOfWeek() == DayOfWeek.SATURDAY || x.getDayOfWeek() == DayOfWeek.SUNDAY) {
            x = x.plusDays(1).with(START);
        }
        return x;
    }
}

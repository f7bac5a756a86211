package de.kontor.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class MonitoringWorkingHoursTest {

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(WorkingHours.ZONE).toInstant();
    }

    @Test
    void withinOneDay() {
        assertThat(WorkingHours.add(berlin("2026-11-25T09:00"), Duration.ofHours(4)))
                .isEqualTo(berlin("2026-11-25T13:00"));
    }

    @Test
    void carriesOverToTheNextMorning() {
        assertThat(WorkingHours.add(berlin("2026-11-25T15:30"), Duration.ofHours(4)))
                .isEqualTo(berlin("2026-11-26T10:30"));
    }

    @Test
    void fridayAfternoonCarriesOverTheWeekend() {
        assertThat(WorkingHours.add(berlin("2026-11-27T16:00"), Duration.ofHours(4)))
                .isEqualTo(berlin("2026-11-30T11:00"));
    }

    @Test
    void arrivalsOutsideHoursStartNextWorkingMorning() {
        assertThat(WorkingHours.add(berlin("2026-11-25T22:10"), Duration.ofHours(1)))
                .isEqualTo(berlin("2026-11-26T09:00"));
        assertThat(WorkingHours.add(berlin("2026-11-28T11:00"), Duration.ofHours(2)))
                .isEqualTo(berlin("2026-11-30T10:00"));
        assertThat(WorkingHours.add(berlin("2026-11-25T06:00"), Duration.ofHours(9)))
                .isEqualTo(berlin("2026-11-25T17:00"));
    }

    @Test
    void acrossTheSummerTimeChange() {
        // 2027-03-28 is a Sunday: clocks jump, working hours stay 08–17 local time
        assertThat(WorkingHours.add(berlin("2027-03-26T16:00"), Duration.ofHours(2)))
                .isEqualTo(berlin("2027-03-29T09:00"));
    }

    @Test
    void multiDay() {
        assertThat(WorkingHours.add(berlin("2026-11-25T08:00"), Duration.ofHours(27)))
                .isEqualTo(berlin("2026-11-27T17:00"));
    }

    @Test
    void betweenCountsOnlyWorkingTime() {
        assertThat(WorkingHours.between(berlin("2026-11-27T16:00"), berlin("2026-11-30T11:00")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(WorkingHours.between(berlin("2026-11-25T18:00"), berlin("2026-11-25T20:00")))
                .isEqualTo(Duration.ZERO);
        assertThat(WorkingHours.between(berlin("2026-11-25T10:00"), berlin("2026-11-25T09:00")))
                .isEqualTo(Duration.ZERO);
    }
}

package de.kontor.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MonitoringChartsTest {

    @Test
    void percentilesAreNearestRank() {
        assertThat(Dashboard.percentile(List.of(), 0.5)).isNull();
        assertThat(Dashboard.percentile(List.of(10L), 0.9)).isEqualTo(Duration.ofSeconds(10));
        List<Long> values = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(Dashboard.percentile(values, 0.5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Dashboard.percentile(values, 0.9)).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void chartsUseClassesOnlyAndEscapeTheirTitle() {
        List<Dashboard.Day> days = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            days.add(new Dashboard.Day(LocalDate.of(2026, 11, 1).plusDays(i), i % 4, i % 2, 0, i % 4 - i % 2));
        }
        String volume = Charts.volume(days, "Erwähnungen <pro> Tag");
        String shares = Charts.shares(3, 1, 6, "Anteil");
        for (String svg : List.of(volume, shares, Charts.shares(0, 0, 0, "leer"))) {
            assertThat(svg).startsWith("<svg").endsWith("</svg>").doesNotContain("style").doesNotContain("<script");
        }
        assertThat(volume).contains("<title>Erwähnungen &lt;pro&gt; Tag</title>").contains("chart-negative");
        assertThat(shares).contains(">60 %<").contains(">30 %<");
    }

    @Test
    void urlsAreCanonicalisedForDedupe() {
        assertThat(Listening.canonical("HTTPS://News.Example/a/1/?utm_source=x&id=3#top"))
                .isEqualTo("https://news.example/a/1?id=3");
        assertThat(Listening.canonical("not a url")).isNull();
        assertThat(Folding.fingerprint("Ärger  mit der MX-400! https://x.example/1"))
                .isEqualTo(Folding.fingerprint("aerger mit der mx 400 https://other.example/2"));
    }
}

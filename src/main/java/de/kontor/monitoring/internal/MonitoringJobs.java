package de.kontor.monitoring.internal;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's cluster-wide jobs (db-scheduler runs each on one node at a time): polling due sources every
 * {@code kontor.monitoring.poll-interval} (60 s); retention, overdue reminders and spike alerts every
 * {@code kontor.monitoring.check-interval} (5 min).
 */
@Configuration(proxyBeanMethods = false)
class MonitoringJobs {

    static final String POLL = "monitoring-poll";
    static final String CHECK = "monitoring-check";

    @Bean
    Task<Void> monitoringPoll(Poller poller, MonitoringProperties properties) {
        return Tasks.recurring(POLL, FixedDelay.of(properties.pollInterval()))
                .execute((instance, context) -> poller.pollDue());
    }

    @Bean
    Task<Void> monitoringCheck(Watch watch, MonitoringProperties properties) {
        return Tasks.recurring(CHECK, FixedDelay.of(properties.checkInterval())).execute((instance, context) -> {
            watch.deleteExpiredTexts();
            watch.remindOverdue();
            watch.alertSpikes();
        });
    }
}

package de.kontor.decisions.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cluster-wide job of this module (db-scheduler runs it on one node at a time): reminders before deadlines,
 * then closing the decisions whose deadline passed. Every {@code kontor.decisions.check-interval} (30 s).
 */
@Configuration(proxyBeanMethods = false)
class DecisionJobs {

    /** The task's name in {@code scheduled_tasks}. */
    static final String DEADLINES = "decisions-deadlines";

    @Bean
    Task<Void> decisionDeadlines(DecisionCloser closer,
                                 @Value("${kontor.decisions.check-interval:30s}") Duration interval) {
        return Tasks.recurring(DEADLINES, FixedDelay.of(interval)).execute((instance, context) -> {
            closer.remindDue();
            closer.closeDue();
        });
    }
}

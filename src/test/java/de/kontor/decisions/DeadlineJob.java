package de.kontor.decisions;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.awaitility.Awaitility;

import de.kontor.shared.internal.JobRunner;

/**
 * Runs the real deadline job through the real scheduler now instead of after its interval: the recurring execution
 * is moved to now and the scheduler is told to look for due executions, until the condition holds.
 */
final class DeadlineJob {

    private DeadlineJob() {
    }

    static void runUntil(JobRunner jobs, Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Scheduler scheduler = jobs.scheduler();
            try {
                scheduler.reschedule(TaskInstanceId.of("decisions-deadlines", "recurring"), Instant.now());
            } catch (RuntimeException running) {
                // currently executing: it will pick the change up or the next round does
            }
            scheduler.triggerCheckForDueExecutions();
            return condition.call();
        });
    }
}

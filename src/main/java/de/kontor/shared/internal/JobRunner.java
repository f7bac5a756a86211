package de.kontor.shared.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the db-scheduler {@link Scheduler} while the application runs. A Scheduler cannot start again once stopped,
 * and Spring may stop and restart a context (tests pause idle contexts), so every start builds a new one.
 */
public class JobRunner implements SmartLifecycle {

    private final DataSource dataSource;
    private final ObjectProvider<Task<?>> taskBeans;
    private volatile Scheduler scheduler;

    JobRunner(DataSource dataSource, ObjectProvider<Task<?>> taskBeans) {
        this.dataSource = dataSource;
        this.taskBeans = taskBeans;
    }

    /** The running scheduler (tests use it to look for due executions at once); null while stopped. */
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void start() {
        // recurring tasks are known to the scheduler through startTasks only: registering them twice fails
        List<Task<?>> tasks = new ArrayList<>();
        List<Task<?>> recurring = new ArrayList<>();
        for (Task<?> task : taskBeans.orderedStream().toList()) {
            (task instanceof OnStartup ? recurring : tasks).add(task);
        }
        Scheduler s = Scheduler.create(dataSource, tasks)
                .startTasks(startTasks(recurring))
                .pollingInterval(Duration.ofSeconds(5))
                .threads(4)
                // a job still running at shutdown is picked up again by a node (dead-execution check)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
        s.start();
        scheduler = s;
    }

    @Override
    public void stop() {
        Scheduler s = scheduler;
        scheduler = null;
        if (s != null) {
            s.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** db-scheduler types its start tasks as {@code Task & OnStartup}; the split above guarantees both. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List startTasks(List<Task<?>> tasks) {
        return (List) tasks;
    }
}

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Cluster-wide jobs (ARCHITECTURE.md): every db-scheduler {@link Task} bean of any module is registered here;
 * recurring tasks are started once per cluster. Scheduling through {@link Scheduler} joins the caller's Spring
 * transaction (the DataSource is transaction-aware), so a job planned by a rolled-back change is never run.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean
    Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> taskBeans) {
        // db-scheduler registers start tasks (recurring ones) itself: listing them twice fails with "Duplicate key"
        List<Task<?>> tasks = new ArrayList<>();
        List<Task<?>> startTasks = new ArrayList<>();
        for (Task<?> task : taskBeans.orderedStream().toList()) {
            if (task instanceof OnStartup) {
                startTasks.add(task);
            } else {
                tasks.add(task);
            }
        }
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .startTasks(castStartTasks(startTasks))
                .pollingInterval(Duration.ofSeconds(5))
                .threads(4)
                .build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List castStartTasks(List<Task<?>> tasks) {
        return (List) tasks;
    }

    /** Starts the scheduler after the context (and Flyway) is ready and stops it before the DataSource closes. */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            /** A stopped db-scheduler cannot start again: a paused (test) context keeps it running instead. */
            @Override
            public boolean isPauseable() {
                return false;
            }
        };
    }
}

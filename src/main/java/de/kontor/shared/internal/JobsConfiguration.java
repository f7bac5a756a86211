package de.kontor.shared.internal;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Cluster-wide jobs (ARCHITECTURE.md): every db-scheduler {@link Task} bean of any module is registered here;
 * recurring tasks are started once per cluster. Modules plan one-off executions through the {@link SchedulerClient}
 * bean, which joins the caller's Spring transaction (the DataSource is transaction-aware), so a job planned by a
 * rolled-back change is never run.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean
    SchedulerClient schedulerClient(DataSource dataSource, ObjectProvider<Task<?>> tasks) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource),
                tasks.orderedStream().toList()).build();
    }

    /**
     * Runs the scheduler while the application runs. A db-scheduler {@link Scheduler} cannot start again once
     * stopped, and Spring may stop and restart the context (tests pause idle contexts), so each start builds a new
     * one.
     */
    @Bean
    SmartLifecycle jobsLifecycle(DataSource dataSource, ObjectProvider<Task<?>> taskBeans) {
        return new SmartLifecycle() {
            private volatile Scheduler scheduler;

            @Override
            public void start() {
                List<Task<?>> tasks = taskBeans.orderedStream().toList();
                List<Task<?>> recurring = tasks.stream().filter(t -> t instanceof OnStartup).toList();
                Scheduler s = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
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
        };
    }

    /** db-scheduler types its start tasks as {@code Task & OnStartup}; the filter above guarantees both. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List startTasks(List<Task<?>> tasks) {
        return (List) tasks;
    }
}

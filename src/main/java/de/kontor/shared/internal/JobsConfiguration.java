package de.kontor.shared.internal;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Cluster-wide jobs (ARCHITECTURE.md): every db-scheduler {@link Task} bean of any module is registered with the
 * {@link JobRunner}; recurring tasks run once per cluster. Modules plan one-off executions through the
 * {@link SchedulerClient} bean, which joins the caller's Spring transaction (the DataSource is transaction-aware),
 * so a job planned by a rolled-back change is never run.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean
    SchedulerClient schedulerClient(DataSource dataSource, ObjectProvider<Task<?>> tasks) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource),
                tasks.orderedStream().toList()).build();
    }

    @Bean
    JobRunner jobRunner(DataSource dataSource, ObjectProvider<Task<?>> tasks) {
        return new JobRunner(new TransactionAwareDataSourceProxy(dataSource), tasks);
    }
}

package de.kontor.blogs.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cluster-wide job of this module (db-scheduler runs it on one node at a time): publishes scheduled articles
 * whose time has come, every {@code kontor.blogs.check-interval} (30 s). A recurring check rather than one task per
 * article: rescheduling or drafting an article again needs no task bookkeeping.
 */
@Configuration(proxyBeanMethods = false)
class BlogJobs {

    /** The task's name in {@code scheduled_tasks}. */
    static final String PUBLISH = "blogs-publish-due";

    @Bean
    Task<Void> blogsPublishDue(BlogService blogs, @Value("${kontor.blogs.check-interval:30s}") Duration interval) {
        return Tasks.recurring(PUBLISH, FixedDelay.of(interval)).execute((instance, context) -> blogs.publishDue());
    }
}

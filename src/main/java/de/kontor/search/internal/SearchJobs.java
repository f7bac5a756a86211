package de.kontor.search.internal;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The search module's cluster-wide job: outbox rows older than the retention are deleted once per cluster. */
@Configuration(proxyBeanMethods = false)
class SearchJobs {

    private static final Logger log = LoggerFactory.getLogger(SearchJobs.class);

    /**
     * A node whose index is further behind than the retention rebuilds on start ({@code search_outbox_horizon}), so
     * the retention only bounds how long a node may be offline before that costs a rebuild.
     */
    @Bean
    Task<Void> searchOutboxCleanup(Outbox outbox, @Value("${kontor.search.outbox-retention:7d}") Duration retention) {
        return Tasks.recurring("search-outbox-cleanup", FixedDelay.ofHours(1))
                .execute((instance, context) -> {
                    int deleted = outbox.deleteBefore(Instant.now().minus(retention));
                    if (deleted > 0) {
                        log.info("Search outbox: {} rows older than {} deleted", deleted, retention);
                    }
                });
    }
}

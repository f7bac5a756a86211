package de.kontor.mail.internal;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cluster-wide jobs of the mail module (db-scheduler runs each on one node at a time): sending the outbox,
 * sending due digests, reading the IMAP mailbox (each does nothing while its part of mail is not configured), and
 * forgetting finished outbox rows after 30 days and handled incoming mails after 90 days.
 */
@Configuration(proxyBeanMethods = false)
class MailJobs {

    @Bean
    Task<Void> mailOutboxJob(OutboxSender sender, MailSettings settings) {
        return Tasks.recurring("mail-outbox", FixedDelay.of(settings.sendInterval()))
                .execute((instance, context) -> sender.sendDue());
    }

    @Bean
    Task<Void> mailDigestJob(Digests digests, MailSettings settings) {
        return Tasks.recurring("mail-digests", FixedDelay.of(settings.digestInterval()))
                .execute((instance, context) -> digests.sendDue());
    }

    @Bean
    Task<Void> mailCleanupJob(JdbcClient jdbc) {
        return Tasks.recurring("mail-cleanup", FixedDelay.ofHours(6)).execute((instance, context) -> {
            jdbc.sql("delete from mail_outbox where status <> 'PENDING' and created_at < now() - interval '30 days'")
                    .update();
            // only unseen mails are read, so a handled mail is not met again once flagged
            jdbc.sql("delete from mail_inbound where processed_at < now() - interval '90 days'").update();
        });
    }

    @Bean
    Task<Void> mailInboxJob(InboxPoller poller, MailSettings settings) {
        return Tasks.recurring("mail-inbox", FixedDelay.of(settings.imap().pollInterval()))
                .execute((instance, context) -> poller.poll());
    }
}

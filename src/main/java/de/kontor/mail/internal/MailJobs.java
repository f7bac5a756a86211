package de.kontor.mail.internal;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cluster-wide jobs of the mail module (db-scheduler runs each on one node at a time): sending the outbox,
 * sending due digests and reading the IMAP mailbox. Each does nothing while its part of mail is not configured.
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
    Task<Void> mailInboxJob(InboxPoller poller, MailSettings settings) {
        return Tasks.recurring("mail-inbox", FixedDelay.of(settings.imap().pollInterval()))
                .execute((instance, context) -> poller.poll());
    }
}

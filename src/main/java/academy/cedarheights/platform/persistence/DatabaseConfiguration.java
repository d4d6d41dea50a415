package academy.cedarheights.platform.persistence;

import javax.sql.DataSource;

import academy.cedarheights.platform.config.AppProperties;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's DataSource: the embedded PostgreSQL unless {@code DATABASE_URL} names a server. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseProperties database, AppProperties app) {
        ConnectionSettings settings = database.embedded()
                ? EmbeddedPostgresServer.start(app.dataDir().resolve("postgres"), database.embeddedResetOnStart())
                : DatabaseUrl.parse(database.url());
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("cedar");
        dataSource.setJdbcUrl(settings.jdbcUrl());
        dataSource.setUsername(settings.username());
        dataSource.setPassword(settings.password());
        return dataSource;
    }
}

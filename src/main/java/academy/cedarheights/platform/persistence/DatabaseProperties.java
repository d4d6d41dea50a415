package academy.cedarheights.platform.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives.
 *
 * @param url                  {@code DATABASE_URL}: {@code postgres://user:pass@host:port/db} or a JDBC URL;
 *                             unset starts the embedded PostgreSQL in {@code APP_DATA_DIR}
 * @param embeddedResetOnStart wipe the embedded server's data folder when this JVM first starts it
 *                             (the test suite uses it so every run begins from an empty database)
 */
@ConfigurationProperties("database")
public record DatabaseProperties(String url, boolean embeddedResetOnStart) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}

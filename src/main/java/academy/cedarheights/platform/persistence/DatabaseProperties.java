package academy.cedarheights.platform.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives.
 *
 * @param url                  {@code DATABASE_URL}: {@code postgres://user:pass@host:port/db} or a JDBC URL;
 *                             unset starts the embedded PostgreSQL in {@code APP_DATA_DIR}. The application
 *                             connects as this user, which must not be a superuser nor have BYPASSRLS.
 * @param migrationUrl         {@code DATABASE_MIGRATION_URL}: the schema owner that runs the migrations;
 *                             defaults to {@link #url}. Row-level security is forced, so even an owning
 *                             application user sees one school at a time.
 * @param embeddedResetOnStart wipe the embedded server's data folder when this JVM first starts it
 *                             (the test suite uses it so every run begins from an empty database)
 */
@ConfigurationProperties("database")
public record DatabaseProperties(String url, String migrationUrl, boolean embeddedResetOnStart) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}

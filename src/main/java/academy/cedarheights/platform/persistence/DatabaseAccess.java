package academy.cedarheights.platform.persistence;

/** The two ways into the database: the application's (subject to row-level security) and the schema owner's. */
record DatabaseAccess(ConnectionSettings application, ConnectionSettings owner) {

    static DatabaseAccess of(DatabaseProperties properties, java.nio.file.Path dataDir) {
        if (properties.embedded()) {
            return EmbeddedPostgresServer.start(dataDir.resolve("postgres"), properties.embeddedResetOnStart());
        }
        ConnectionSettings application = DatabaseUrl.parse(properties.url());
        boolean separateOwner = properties.migrationUrl() != null && !properties.migrationUrl().isBlank();
        return new DatabaseAccess(application, separateOwner ? DatabaseUrl.parse(properties.migrationUrl()) : application);
    }
}

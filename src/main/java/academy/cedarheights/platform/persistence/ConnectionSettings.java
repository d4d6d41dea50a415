package academy.cedarheights.platform.persistence;

/** A JDBC address with its credentials; {@link #toString()} never shows the password. */
record ConnectionSettings(String jdbcUrl, String username, String password) {

    @Override
    public String toString() {
        return "ConnectionSettings[" + jdbcUrl + ", user=" + username + "]";
    }
}

package academy.cedarheights.platform.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The role the application connects as must be bound by row-level security: a superuser or a {@code BYPASSRLS} role
 * sees every school's rows whatever the policies say, so the app refuses to start with one. (The migration role,
 * {@code DATABASE_MIGRATION_URL}, may own the tables; forced policies bind an owner too.)
 */
final class ApplicationRole {

    private ApplicationRole() {
    }

    /** @return the role's name */
    static String requireBoundByRowLevelSecurity(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             ResultSet role = connection.createStatement().executeQuery(
                     "select current_user, rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
            role.next();
            String name = role.getString(1);
            if (role.getBoolean(2) || role.getBoolean(3)) {
                throw new IllegalStateException("The database role '" + name + "' is a superuser or has BYPASSRLS, "
                        + "so row-level security would not keep schools apart. Connect the application (DATABASE_URL) "
                        + "as a role without them; give the schema owner to DATABASE_MIGRATION_URL (see README).");
            }
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to the database as the application", e);
        }
    }
}

package academy.cedarheights.support;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema owner's connection (a superuser in the embedded server): row-level security does not
 * apply, so tests can arrange and inspect any school's rows directly. Application code never has this.
 */
@TestComponent
public class DatabaseOwner {

    private final JdbcClient jdbc;

    DatabaseOwner(@Qualifier("migrationDataSource") DataSource owner) {
        this.jdbc = JdbcClient.create(owner);
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}

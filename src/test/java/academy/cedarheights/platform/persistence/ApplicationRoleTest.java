package academy.cedarheights.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import javax.sql.DataSource;

import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Start-up refuses a database role that row-level security would not bind. */
@IntegrationTest
class ApplicationRoleTest {

    @Autowired DatabaseOwner owner;
    @Autowired DataSource application;

    @Test
    void aRoleWithBypassRlsIsRefused() {
        DataSource bypassing = role("bypassrls");
        assertThatThrownBy(() -> ApplicationRole.requireBoundByRowLevelSecurity(bypassing))
                .hasMessageContaining("superuser or has BYPASSRLS").hasMessageContaining("DATABASE_MIGRATION_URL");
    }

    @Test
    void aSuperuserIsRefused() {
        DataSource superuser = role("superuser");
        assertThatThrownBy(() -> ApplicationRole.requireBoundByRowLevelSecurity(superuser))
                .hasMessageContaining("superuser or has BYPASSRLS");
    }

    @Test
    void theApplicationsOwnRoleIsBound() {
        assertThat(ApplicationRole.requireBoundByRowLevelSecurity(application)).isEqualTo("cedar_app");
    }

    private DataSource role(String power) {
        String name = "probe_" + power + "_" + UUID.randomUUID().toString().substring(0, 8);
        owner.jdbc().sql("create role " + name + " login password 'probe-password' " + power).update();
        String url = "jdbc:postgresql://localhost:" + owner.jdbc().sql("select inet_server_port()").query(Integer.class).single()
                + "/" + owner.jdbc().sql("select current_database()").query(String.class).single();
        return new SimpleDriverDataSource(new org.postgresql.Driver(), url, name, "probe-password");
    }
}

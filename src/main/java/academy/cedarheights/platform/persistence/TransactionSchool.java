package academy.cedarheights.platform.persistence;

import java.util.UUID;

import academy.cedarheights.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Switches the running transaction to a school it has just created, so that creating a school and
 * its first rows (its admin, its allowlist) is one atomic transaction under row-level security.
 */
@Component
public class TransactionSchool {

    private final JdbcClient jdbc;

    TransactionSchool(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void actFor(UUID schoolId) {
        jdbc.sql("select set_config('app.school_id', :school, true)").param("school", schoolId.toString()).query().singleRow();
        TenantContext.enter(schoolId);
    }
}

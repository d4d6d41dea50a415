package academy.cedarheights.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** PostgreSQL itself keeps schools apart, even from a query that forgets its school filter. */
@IntegrationTest
class RowLevelSecurityTest {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired TestSchools schools;

    TestSchool ours;
    TestSchool theirs;

    @BeforeEach
    void twoSchoolsWithTeachers() {
        ours = schools.create();
        theirs = schools.create();
        ours.teacher("Our Teacher", true);
        theirs.teacher("Their Teacher", true);
        theirs.teacher("Their Other Teacher", true);
    }

    @Test
    void theApplicationsLoginCannotBypassThePolicies() {
        Map<String, Object> role = transaction.execute(status -> jdbc.sql(
                "select rolsuper, rolbypassrls from pg_roles where rolname = current_user").query().singleRow());
        assertThat(role).containsEntry("rolsuper", false).containsEntry("rolbypassrls", false);
    }

    @Test
    void anUnfilteredQuerySeesOnlyTheSchoolItActsFor() {
        List<String> names = TenantContext.callAs(ours.id(), () -> transaction.execute(status ->
                jdbc.sql("select name from teachers").query(String.class).list()));

        assertThat(names).containsExactly("Our Teacher");
    }

    @Test
    void withoutASchoolNoTenantRowIsVisible() {
        Long inTransaction = transaction.execute(status -> countTeachers());
        assertThat(inTransaction).isZero();
        assertThat(countTeachers()).as("outside a transaction").isZero();
    }

    @Test
    void theSchoolSettingDoesNotOutliveItsTransaction() {
        TenantContext.runAs(ours.id(), () -> transaction.execute(status -> countTeachers()));
        // the pool hands out the same connections again; none may still act for our school
        for (int i = 0; i < 20; i++) {
            Long visible = transaction.execute(status -> countTeachers());
            assertThat(visible).isZero();
        }
    }

    @Test
    void writingAnotherSchoolsRowIsRefused() {
        assertThatThrownBy(() -> TenantContext.runAs(ours.id(), () -> transaction.executeWithoutResult(status ->
                jdbc.sql("insert into instruments (school_id, name) values (:school, 'harp')")
                        .param("school", theirs.id()).update())))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void anotherSchoolsRowsCannotBeChangedOrDeleted() {
        int changed = TenantContext.callAs(ours.id(), () -> transaction.execute(status ->
                jdbc.sql("update teachers set active = false").update()
                        + jdbc.sql("delete from teacher_instruments").update()));
        int stillActive = TenantContext.callAs(theirs.id(), () -> transaction.execute(status ->
                jdbc.sql("select count(*) from teachers where active").query(Integer.class).single()));

        assertThat(changed).isEqualTo(1);
        assertThat(stillActive).isEqualTo(2);
    }

    @Test
    void anySchoolCanBeFoundButOnlyItselfChanged() {
        UUID found = transaction.execute(status -> jdbc.sql("select id from schools where slug = :slug")
                .param("slug", theirs.slug()).query(UUID.class).single());
        int renamed = TenantContext.callAs(ours.id(), () -> transaction.execute(status ->
                jdbc.sql("update schools set name = 'Taken over' where id = :id").param("id", theirs.id()).update()));

        assertThat(found).isEqualTo(theirs.id());
        assertThat(renamed).isZero();
    }

    private long countTeachers() {
        return jdbc.sql("select count(*) from teachers").query(Long.class).single();
    }
}

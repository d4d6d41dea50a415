package academy.cedarheights.support;

import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Creates a fresh school per test, so tests never see each other's rows (written as the schema owner). */
@TestComponent
public class TestSchools {

    private final JdbcClient jdbc;

    TestSchools(DatabaseOwner owner) {
        this.jdbc = owner.jdbc();
    }

    public TestSchool create() {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 12);
        UUID id = jdbc.sql("""
                        insert into schools (slug, name, time_zone, currency, monthly_price_cents,
                                             semester_per_lesson_cents, yearly_per_lesson_cents)
                        values (:slug, :name, 'America/Vancouver', 'CAD', 15000, 3500, 3300) returning id""")
                .param("slug", slug)
                .param("name", "School " + slug)
                .query(UUID.class)
                .single();
        return new TestSchool(jdbc, id, slug);
    }
}

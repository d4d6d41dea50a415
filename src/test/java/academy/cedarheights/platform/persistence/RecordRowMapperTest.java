package academy.cedarheights.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Records read by column label, as Spring's own mapper reads them, through the application's JdbcClient. */
@IntegrationTest
class RecordRowMapperTest {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    enum Plan { MONTHLY, YEARLY }

    record Row(UUID enrollmentId, String studentName, int weekday, Integer missedLessons, long amountCents,
               boolean active, LocalDate startDate, LocalTime startTime, Instant expiresAt, ZoneId timeZone, Plan plan) {
    }

    record Unnamed(String studentName, int weekday) {
    }

    @Test
    void snakeCaseAndCamelCaseLabelsFillTheirComponentsWithTheirTypesAndAnEnumByItsLowerCaseName() {
        UUID id = UUID.randomUUID();
        Row row = read(Row.class, """
                select cast(:id as uuid) as enrollment_id, 'Kid' as student_name, 3 as weekday,
                       null::int as missed_lessons, 14000::bigint as "amountCents", true as active,
                       date '2030-03-10' as start_date, time '16:30' as start_time,
                       timestamptz '2030-03-10 17:00:00+00' as expires_at, 'America/Vancouver' as time_zone,
                       'yearly' as plan""", id);

        assertThat(row).isEqualTo(new Row(id, "Kid", 3, null, 14000, true, LocalDate.of(2030, 3, 10),
                LocalTime.of(16, 30), Instant.parse("2030-03-10T17:00:00Z"), ZoneId.of("America/Vancouver"), Plan.YEARLY));
    }

    @Test
    void aNullColumnOfAPrimitiveComponentIsItsDefault() {
        assertThat(read(Unnamed.class, "select 'Kid' as student_name, null::int as weekday, cast(:id as uuid) as extra",
                UUID.randomUUID())).isEqualTo(new Unnamed("Kid", 0));
    }

    @Test
    void eachQueryFindsItsOwnColumnsOnceThenReadsEveryRowByThemAndTheFirstOfTwoLabelsWins() {
        List<Unnamed> rows = transaction.execute(status -> jdbc.sql("""
                select g as weekday, 'Kid ' || g as student_name, 'later' as student_name
                  from generate_series(1, 3) g""").query(Unnamed.class).list());

        assertThat(rows).containsExactly(new Unnamed("Kid 1", 1), new Unnamed("Kid 2", 2), new Unnamed("Kid 3", 3));
        assertThat(read(Unnamed.class, "select cast(:id as uuid) as id, 'Pat' as student_name, 5 as weekday",
                UUID.randomUUID())).as("the same record from other columns").isEqualTo(new Unnamed("Pat", 5));
    }

    @Test
    void aComponentWithoutAColumnIsAnError() {
        assertThatThrownBy(() -> read(Unnamed.class, "select 'Kid' as student_name, cast(:id as uuid) as other",
                UUID.randomUUID())).hasMessageContaining("Unnamed.weekday");
    }

    private <T> T read(Class<T> type, String sql, UUID id) {
        return transaction.execute(status -> jdbc.sql(sql).param("id", id).query(type).single());
    }
}

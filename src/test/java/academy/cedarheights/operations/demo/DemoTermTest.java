package academy.cedarheights.operations.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoTermTest {

    @ParameterizedTest
    @CsvSource({
            "2026-11-25, Fall 2026,   2026-09-01, 2026-12-31, 2026-10-12",
            "2026-09-01, Fall 2026,   2026-09-01, 2026-12-31, 2026-10-12",
            "2027-01-01, Winter 2027, 2027-01-01, 2027-06-30, 2027-02-15",
            "2027-06-30, Winter 2027, 2027-01-01, 2027-06-30, 2027-02-15",
            "2027-07-15, Summer 2027, 2027-07-01, 2027-08-31, 2027-07-01"})
    void everyDayFallsInATermWithItsHoliday(LocalDate day, String name, LocalDate start, LocalDate end, LocalDate closure) {
        DemoTerm term = DemoTerm.containing(day);

        assertThat(term.name()).isEqualTo(name);
        assertThat(term.start()).isEqualTo(start);
        assertThat(term.end()).isEqualTo(end);
        assertThat(term.closure()).isEqualTo(closure).isBetween(start, end);
    }
}

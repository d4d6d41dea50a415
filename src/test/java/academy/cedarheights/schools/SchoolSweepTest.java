package academy.cedarheights.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One school whose work fails is skipped; every other school's work is done, and kept. */
@IntegrationTest
class SchoolSweepTest {

    @Autowired SchoolSweep sweep;
    @Autowired Schools schools;
    @Autowired TestSchools testSchools;

    @Test
    void aFailingSchoolIsSkippedAndTheOthersAreVisited() {
        TestSchool failing = testSchools.create();
        TestSchool after = testSchools.create();
        List<UUID> visited = new ArrayList<>();

        int counted = sweep.each(school -> {
            if (school.equals(failing.id())) {
                throw new IllegalStateException("this school's data is broken");
            }
            visited.add(school);
            return 1;
        });

        assertThat(visited).contains(after.id()).doesNotContain(failing.id());
        assertThat(counted).isEqualTo(schools.all().size() - 1);
    }
}

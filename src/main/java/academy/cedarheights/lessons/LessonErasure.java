package academy.cedarheights.lessons;

import academy.cedarheights.platform.privacy.ErasedFamily;
import academy.cedarheights.platform.privacy.PersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased pupil's lessons keep their dates and attendance (what the school taught and charged for) without the
 * notes written about them, and an absence the parent reported names only the pseudonym.
 */
@Component
@Order(PersonalData.LESSONS)
class LessonErasure implements PersonalData {

    private final JdbcClient jdbc;

    LessonErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(ErasedFamily family) {
        family.bind(jdbc.sql("""
                        update attendance a set notes = ''
                          from enrollments e
                         where a.school_id = :school and e.school_id = a.school_id and e.id = a.enrollment_id
                           and e.student_id = any(:children) and a.notes <> ''""")).update();
        family.bind(jdbc.sql("update attendance set marked_by = " + ErasedFamily.erased("marked_by")
                + " where school_id = :school and " + ErasedFamily.mentions("marked_by"))).update();
    }
}

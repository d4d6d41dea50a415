package academy.cedarheights.lessons;

import java.time.LocalDate;
import java.time.LocalTime;

import academy.cedarheights.notifications.Email;

/** Who is told about a lesson, and what they are told: the lessons module builds its family emails here only. */
record FamilyOfLesson(String parentName, String email, String student, String teacher, LocalTime startTime) {

    Email noShow(LocalDate day) {
        return new Email.NoShowNotice(parentName, student, teacher, day, startTime);
    }

    Email makeUpBooked(LocalDate day) {
        return new Email.MakeUpConfirmation(parentName, student, teacher, day, startTime);
    }
}

package academy.cedarheights.operations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import academy.cedarheights.billing.AccountBook;
import academy.cedarheights.billing.FamilyAccount;
import academy.cedarheights.booking.Enrollment;
import academy.cedarheights.booking.OpenSlot;
import academy.cedarheights.booking.OpenSlots;
import academy.cedarheights.booking.SchoolEnrollments;
import academy.cedarheights.families.Payee;
import academy.cedarheights.families.Payees;
import academy.cedarheights.families.Student;
import academy.cedarheights.families.Students;
import academy.cedarheights.lessons.Attendance;
import academy.cedarheights.lessons.Lessons;
import academy.cedarheights.lessons.MakeUpCredit;
import academy.cedarheights.lessons.MakeUpCredits;
import academy.cedarheights.notifications.EmailLog;
import academy.cedarheights.notifications.SentEmail;
import academy.cedarheights.platform.web.PageQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the school holds about one family, gathered from each module that holds a part, for the family's page in
 * the console. Opening it is recorded in the audit log, as reading the family's account is.
 */
@Service
@Transactional(readOnly = true)
public class FamilyFile {

    /** The latest lessons and emails shown; the rest are in the family's export and the account page. */
    static final int LATEST = 20;
    private static final PageQuery ALL_OF_A_CHILD = new PageQuery(0, 200, null);

    private final Payees payees;
    private final Students students;
    private final SchoolEnrollments enrollments;
    private final OpenSlots slots;
    private final Lessons lessons;
    private final MakeUpCredits credits;
    private final AccountBook accounts;
    private final EmailLog emails;

    FamilyFile(Payees payees, Students students, SchoolEnrollments enrollments, OpenSlots slots, Lessons lessons,
               MakeUpCredits credits, AccountBook accounts, EmailLog emails) {
        this.payees = payees;
        this.students = students;
        this.enrollments = enrollments;
        this.slots = slots;
        this.lessons = lessons;
        this.credits = credits;
        this.accounts = accounts;
        this.emails = emails;
    }

    /** A child with its enrollments (each with its slot in words, where the slot is still on the timetable). */
    public record Child(Student student, List<EnrolledIn> enrollments, List<Attendance> latestLessons) {
    }

    public record EnrolledIn(Enrollment enrollment, OpenSlot slot) {
    }

    public record Family(Payee payee, List<Child> children, List<MakeUpCredit> makeUps, FamilyAccount account,
                         List<SentEmail> latestEmails) {
    }

    /** The family's file, as {@code reader} opens it (recorded); an unknown family answers 404. */
    public Family open(UUID school, String reader, UUID payeeId) {
        Payee payee = payees.get(school, payeeId);
        FamilyAccount account = accounts.ofFamily(school, reader, payeeId, "family page");
        List<Child> children = new ArrayList<>();
        for (Student student : students.ofFamily(school, payeeId)) {
            List<Enrollment> ofChild = enrollments.page(school, null, null, student.id(), ALL_OF_A_CHILD).items();
            Map<UUID, OpenSlot> described = slots.withIds(school, ofChild.stream().map(Enrollment::timeslotId).toList())
                    .stream().collect(Collectors.toMap(OpenSlot::id, Function.identity()));
            List<Attendance> marked = new ArrayList<>(lessons.ofStudent(school, student.id()));
            marked.sort(Comparator.comparing(Attendance::date).reversed());
            children.add(new Child(student,
                    ofChild.stream().map(enrollment -> new EnrolledIn(enrollment, described.get(enrollment.timeslotId())))
                            .toList(),
                    marked.stream().limit(LATEST).toList()));
        }
        return new Family(payee, children, credits.ofFamily(school, payeeId), account,
                emails.sentTo(school, payee.email()).stream().limit(LATEST).toList());
    }
}

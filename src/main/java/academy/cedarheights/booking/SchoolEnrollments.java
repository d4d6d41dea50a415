package academy.cedarheights.booking;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.persistence.SchoolRows;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Enrollments as the school's admins manage them: list, enroll or activate (billing outside Stripe), cancel. */
@Service
@Transactional
public class SchoolEnrollments {

    private final SchoolRows rows;
    private final Bookings bookings;
    private final Enrollments enrollments;
    private final AuditTrail audit;
    private final Holds holds;

    private final ApplicationEventPublisher events;
    private final Moves moves;

    SchoolEnrollments(SchoolRows rows, Bookings bookings, Enrollments enrollments, AuditTrail audit, Holds holds,
                      ApplicationEventPublisher events, Moves moves) {
        this.moves = moves;
        this.events = events;
        this.holds = holds;
        this.rows = rows;
        this.bookings = bookings;
        this.enrollments = enrollments;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Page<Enrollment> page(UUID school, EnrollmentStatus status, UUID teacherId, UUID studentId, PageQuery query) {
        return enrollments.page(school, status, teacherId, studentId, query);
    }

    @Transactional(readOnly = true)
    public Enrollment get(UUID school, UUID id) {
        return enrollments.get(school, id);
    }

    public BookingAccepted assign(UUID school, String actor, BookSlot request, boolean activate) {
        if (!rows.exists("students", school, request.studentId())) {
            throw new InvalidField("student_id", "must be a student of this school");
        }
        BookingAccepted accepted = bookings.hold(school, request, activate);
        audit.created(school, actor, "enrollment", accepted.enrollmentId(), accepted);
        return accepted;
    }

    /**
     * The family pays outside Stripe (cash, bank transfer): a provisional enrollment becomes active at once, and its
     * billing job, finding it no longer provisional, does nothing.
     */
    public Enrollment activate(UUID school, String actor, UUID id) {
        Enrollment before = enrollments.get(school, id);
        if (!holds.activate(school, id, null, null, null)) {
            throw new ConflictWithCurrentState("Only a provisional enrollment can be activated; this one is "
                    + before.status() + ".");
        }
        events.publishEvent(new ActivatedOutsideProvider(school, id));
        Enrollment after = enrollments.get(school, id);
        audit.updated(school, actor, "enrollment", id, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public List<OpenSlot> moveDestinations(UUID school, UUID id) {
        return moves.destinations(school, enrollments.get(school, id).id());
    }

    public Moved move(UUID school, String actor, UUID id, MoveRequest request) {
        return moves.move(school, actor, id, request.timeslotId(), request.fromDate());
    }

    public Enrollment cancel(UUID school, String actor, UUID id, String reason) {
        Enrollment before = enrollments.get(school, id);
        Enrollment after = enrollments.cancel(school, id, reason);
        audit.updated(school, actor, "enrollment", id, before, after);
        return after;
    }
}

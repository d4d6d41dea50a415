package academy.cedarheights.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.booking.EnrollmentNotices.EndedBy;
import academy.cedarheights.platform.Money;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.schools.BillingPlan;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading enrollments and ending them: by the family, by an admin, or when a hold expires. */
@Service
@Transactional
public class Enrollments {

    static final String SETUP_URL = "/api/v1/parent/payment-method/setup";
    private static final Map<String, String> SORTABLE = Map.of("created_at", "e.created_at", "start_date", "e.start_date",
            "status", "e.status");
    private static final String STATUS = """
            select e.tracking_id, e.id as enrollment_id, e.student_id, e.timeslot_id, e.status, e.billing_plan,
                   e.start_date, e.failure_reason, e.provisional_expires_at, e.payment_problem, e.payment_problem_since,
                   e.payment_processing_since,
                   e.status = 'provisional' and not coalesce(m.has_payment_method, false) as needs_card,
                   case when e.status <> 'provisional' then e.paid_through end as paid_through,
                   r.semester_id as renewal_semester_id, r.state as renewal_state, r.amount_cents as renewal_cents,
                   r.currency as renewal_currency, r.charge_on as renewal_charge_on
              from enrollments e
              join students st on st.school_id = e.school_id and st.id = e.student_id
              left join family_payment_methods m on m.school_id = st.school_id and m.payee_id = st.payee_id
              left join latest_renewals r on r.school_id = e.school_id and r.enrollment_id = e.id
            """;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final EnrollmentNotices notices;

    Enrollments(JdbcClient jdbc, ApplicationEventPublisher events, EnrollmentNotices notices) {
        this.jdbc = jdbc;
        this.events = events;
        this.notices = notices;
    }

    /** A family's bookings, newest first. */
    @Transactional(readOnly = true)
    public List<BookingStatus> ofFamily(UUID school, UUID payeeId) {
        return jdbc.sql(STATUS + " where e.school_id = :school and st.payee_id = :payee order by e.created_at desc, e.id")
                .param("school", school).param("payee", payeeId).query(Enrollments::status).list();
    }

    /** One of the family's bookings; another family's tracking id answers 404. */
    @Transactional(readOnly = true)
    public BookingStatus statusOf(UUID school, UUID payeeId, UUID trackingId) {
        return jdbc.sql(STATUS + " where e.school_id = :school and st.payee_id = :payee and e.tracking_id = :tracking")
                .param("school", school).param("payee", payeeId).param("tracking", trackingId)
                .query(Enrollments::status).optional().orElseThrow(() -> new NoSuchRecord("booking", trackingId));
    }

    public BookingStatus cancelForFamily(UUID school, UUID payeeId, UUID trackingId) {
        BookingStatus booking = statusOf(school, payeeId, trackingId);
        end(school, booking.enrollmentId(), EnrollmentStatus.CANCELLED, EndedBy.FAMILY, "cancelled by the family");
        return statusOf(school, payeeId, trackingId);
    }

    @Transactional(readOnly = true)
    public Page<Enrollment> page(UUID school, EnrollmentStatus status, UUID teacherId, UUID studentId, PageQuery query) {
        String from = """
                  from enrollments e
                  join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                  join students st on st.school_id = e.school_id and st.id = e.student_id
                 where e.school_id = :school and (cast(:status as text) is null or e.status = :status)
                   and (cast(:teacher as uuid) is null or t.teacher_id = :teacher)
                   and (cast(:student as uuid) is null or e.student_id = :student)""";
        String named = status == null ? null : status.key();
        var items = jdbc.sql("""
                        select e.id, e.tracking_id, e.student_id, st.name as student_name, e.timeslot_id, t.teacher_id,
                               e.billing_plan, e.status, e.start_date, e.provisional_expires_at, e.failure_reason,
                               e.stripe_subscription_id, e.stripe_invoice_id, e.created_at, e.activated_at, e.ended_at,
                               e.payment_problem, e.payment_problem_since, e.payment_processing_since,
                               case when e.status <> 'provisional' then e.paid_through end as paid_through,
                               null as renewal
                        """ + from + " order by " + query.orderBy(SORTABLE, "e.created_at desc", "e.id")
                        + " limit :limit offset :offset")
                .param("school", school).param("status", named).param("teacher", teacherId).param("student", studentId)
                .param("limit", query.pageSize()).param("offset", query.offset())
                .query(Enrollment.class).list();
        long total = jdbc.sql("select count(*) " + from)
                .param("school", school).param("status", named).param("teacher", teacherId).param("student", studentId)
                .query(Long.class).single();
        return query.page(withRenewals(school, items), total);
    }

    public Enrollment cancel(UUID school, UUID id, String reason) {
        get(school, id);
        end(school, id, EnrollmentStatus.CANCELLED, EndedBy.SCHOOL,
                reason == null || reason.isBlank() ? "the school cancelled them" : reason.trim());
        return get(school, id);
    }

    /** The provider's subscriptions paying for the family's enrollments that hold their slot. */
    @Transactional(readOnly = true)
    public List<String> subscriptionsOfFamily(UUID school, UUID payee) {
        return jdbc.sql("""
                        select e.stripe_subscription_id from current_enrollments c
                          join enrollments e on e.school_id = c.school_id and e.id = c.id
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                         where e.school_id = :school and st.payee_id = :payee and e.stripe_subscription_id is not null
                         order by e.created_at""")
                .param("school", school).param("payee", payee).query(String.class).list();
    }

    /**
     * Stripe ended the subscription (deleted or canceled there): the enrollment it pays for ends and its slot is free.
     * Nothing happens when no held enrollment has that subscription.
     */
    public void subscriptionEndedAtStripe(UUID school, String subscriptionId) {
        heldBy(school, subscriptionId)
                .forEach(id -> end(school, id, EnrollmentStatus.CANCELLED, EndedBy.SCHOOL,
                        "their payments were stopped at the school's payment provider"));
    }

    /** The enrollments a subscription pays for that still hold their slot. */
    List<UUID> heldBy(UUID school, String subscriptionId) {
        return jdbc.sql("""
                        select e.id from current_enrollments c join enrollments e on e.school_id = c.school_id and e.id = c.id
                         where e.school_id = :school and e.stripe_subscription_id = :subscription""")
                .param("school", school).param("subscription", subscriptionId).query(UUID.class).list();
    }

    /**
     * Ends a provisional or active enrollment, freeing its slot; the row (and its lessons' history) stays, and who
     * should hear of it is told ({@link EnrollmentNotices}). Locked first, so a cancel racing billing's activation is
     * settled by the database.
     *
     * @param reason why, in the words the family reads after "has ended:"
     */
    void end(UUID school, UUID id, EnrollmentStatus status, EndedBy by, String reason) {
        UUID slot = lockSlotOf(school, id);
        Map<String, Object> current = jdbc.sql("""
                        select status, stripe_subscription_id, timeslot_id from enrollments
                         where school_id = :school and id = :id for update""")
                .param("school", school).param("id", id).query().singleRow();
        if (!slot.equals(current.get("timeslot_id"))) {
            throw new ConflictWithCurrentState("This booking moved to another slot meanwhile; try again.");
        }
        EnrollmentStatus was = EnrollmentStatus.of((String) current.get("status")).orElseThrow();
        if (!was.holdsSlot()) {
            throw new ConflictWithCurrentState("This booking is already " + was + ".");
        }
        jdbc.sql("""
                        update enrollments set status = :status, cancel_reason = :reason, ended_at = now(), updated_at = now()
                         where school_id = :school and id = :id""")
                .param("school", school).param("id", id).param("status", status.key()).param("reason", reason).update();
        events.publishEvent(new EnrollmentEnded(school, id, status, (String) current.get("stripe_subscription_id")));
        notices.ended(school, id, was, status, by, reason);
    }

    /**
     * Locks the enrollment's slot before the enrollment itself — the order every change of a slot's holder keeps
     * (bookings, moves, the waitlist's offers) — so that whoever books or is offered the slot it frees waits for this
     * change instead of deadlocking with it.
     */
    private UUID lockSlotOf(UUID school, UUID enrollment) {
        return jdbc.sql("""
                        select t.id from timeslots t join enrollments e on e.school_id = t.school_id and e.timeslot_id = t.id
                         where e.school_id = :school and e.id = :id for update of t""")
                .param("school", school).param("id", enrollment).query(UUID.class).optional()
                .orElseThrow(() -> new NoSuchRecord("enrollment", enrollment));
    }

    @Transactional(readOnly = true)
    public Enrollment get(UUID school, UUID id) {
        return jdbc.sql("""
                        select e.id, e.tracking_id, e.student_id, st.name as student_name, e.timeslot_id, t.teacher_id,
                               e.billing_plan, e.status, e.start_date, e.provisional_expires_at, e.failure_reason,
                               e.stripe_subscription_id, e.stripe_invoice_id, e.created_at, e.activated_at, e.ended_at,
                               e.payment_problem, e.payment_problem_since, e.payment_processing_since,
                               case when e.status <> 'provisional' then e.paid_through end as paid_through,
                               null as renewal
                          from enrollments e
                          join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                         where e.school_id = :school and e.id = :id""")
                .param("school", school).param("id", id).query(Enrollment.class).optional()
                .map(enrollment -> withRenewals(school, List.of(enrollment)).get(0))
                .orElseThrow(() -> new NoSuchRecord("enrollment", id));
    }

    private static BookingStatus status(ResultSet rs, int row) throws SQLException {
        boolean needsCard = rs.getBoolean("needs_card");
        var expires = rs.getTimestamp("provisional_expires_at");
        var problemSince = rs.getTimestamp("payment_problem_since");
        var processingSince = rs.getTimestamp("payment_processing_since");
        return new BookingStatus(rs.getObject("tracking_id", UUID.class), rs.getObject("enrollment_id", UUID.class),
                rs.getObject("student_id", UUID.class), rs.getObject("timeslot_id", UUID.class),
                EnrollmentStatus.of(rs.getString("status")).orElseThrow(),
                BillingPlan.of(rs.getString("billing_plan")).orElseThrow(), rs.getObject("start_date", LocalDate.class),
                rs.getString("failure_reason"), expires == null ? null : expires.toInstant(),
                rs.getString("payment_problem") == null ? null : new PaymentProblem(rs.getString("payment_problem"),
                        problemSince.toInstant()),
                processingSince == null ? null : processingSince.toInstant(),
                needsCard ? new NextAction("add_payment_method", SETUP_URL)
                        : rs.getString("payment_problem") != null ? new NextAction("replace_payment_method", SETUP_URL) : null,
                rs.getObject("paid_through", LocalDate.class), renewal(rs));
    }

    /** Each with its latest renewal, from billing's published view: one query for the lot. */
    private List<Enrollment> withRenewals(UUID school, List<Enrollment> enrollments) {
        Map<UUID, Renewal> latest = new HashMap<>();
        jdbc.sql("""
                        select enrollment_id, semester_id as renewal_semester_id, state as renewal_state,
                               amount_cents as renewal_cents, currency as renewal_currency, charge_on as renewal_charge_on
                          from latest_renewals where school_id = :school and enrollment_id = any(:ids)""")
                .param("school", school).param("ids", enrollments.stream().map(Enrollment::id).toArray(UUID[]::new))
                .query((ResultSet rs) -> {
                    latest.put(rs.getObject("enrollment_id", UUID.class), renewal(rs));
                });
        return enrollments.stream().map(enrollment -> enrollment.withRenewal(latest.get(enrollment.id()))).toList();
    }

    private static Renewal renewal(ResultSet rs) throws SQLException {
        return rs.getString("renewal_state") == null ? null : new Renewal(rs.getObject("renewal_semester_id", UUID.class),
                rs.getString("renewal_state"), Money.of(rs.getLong("renewal_cents"), rs.getString("renewal_currency")),
                rs.getObject("renewal_charge_on", LocalDate.class));
    }
}

package academy.cedarheights.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.privacy.PrivacyProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The families a school no longer needs to know (PIPEDA 4.5.3: personal information no longer required is destroyed):
 * none of their children holds a slot or waits for one, and none held or asked for one, and nothing was charged or
 * paid, for
 * {@link PrivacyProperties#inactiveFamilyYears()} years. They are offered to the admin for erasure, not erased on
 * their own: a family may be between terms, or owe money, and the school knows which.
 */
@Service
public class InactiveFamilies {

    private final JdbcClient jdbc;
    private final PrivacyProperties privacy;
    private final Clock clock;

    InactiveFamilies(JdbcClient jdbc, PrivacyProperties privacy, Clock clock) {
        this.jdbc = jdbc;
        this.privacy = privacy;
        this.clock = clock;
    }

    /** @param lastSeen the day of the family's latest booking, lesson's end, charge or payment, or of its record */
    public record InactiveFamily(UUID id, String name, LocalDate lastSeen) {
    }

    /** How long a family is let be before it is offered for erasure. */
    public int years() {
        return privacy.inactiveFamilyYears();
    }

    /** The school's inactive families, longest unseen first. */
    @Transactional(readOnly = true)
    public List<InactiveFamily> of(UUID school) {
        return jdbc.sql("""
                        with seen as (
                            select p.id, p.name, greatest(p.created_at,
                                   (select max(greatest(e.created_at, e.ended_at)) from enrollments e
                                      join students st on st.school_id = e.school_id and st.id = e.student_id
                                     where st.school_id = p.school_id and st.payee_id = p.id),
                                   (select max(w.updated_at) from waitlist_entries w
                                      join students st on st.school_id = w.school_id and st.id = w.student_id
                                     where st.school_id = p.school_id and st.payee_id = p.id),
                                   (select max(l.occurred_at) from ledger_entries l
                                     where l.school_id = p.school_id and l.payee_id = p.id)) as last_seen
                              from payees p
                             where p.school_id = :school and p.status <> 'erased'
                               and not exists (select 1 from enrollments e
                                                 join students st on st.school_id = e.school_id and st.id = e.student_id
                                                where st.school_id = p.school_id and st.payee_id = p.id
                                                  and e.status in ('provisional', 'active'))
                               and not exists (select 1 from waitlist_entries w
                                                 join students st on st.school_id = w.school_id and st.id = w.student_id
                                                where st.school_id = p.school_id and st.payee_id = p.id
                                                  and w.status in ('waiting', 'offered')))
                        select id, name, cast(last_seen as date) as last_seen from seen
                         where last_seen < :cutoff order by last_seen, name""")
                .param("school", school)
                .param("cutoff", OffsetDateTime.now(clock).minusYears(privacy.inactiveFamilyYears()))
                .query(InactiveFamily.class).list();
    }
}

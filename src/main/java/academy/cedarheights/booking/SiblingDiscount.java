package academy.cedarheights.booking;

import java.util.UUID;

import academy.cedarheights.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sibling discount, in one place: a child whose family already has another child holding a weekly slot (enrolled
 * before it) pays the school's {@code sibling_discount_percent} less; the first child pays in full. Billing asks it
 * each time it prices a charge, the booking pages before the family confirms.
 */
@Service
@Transactional(readOnly = true)
public class SiblingDiscount {

    private final JdbcClient jdbc;

    SiblingDiscount(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The percent off an enrollment's charges now: the school's, for a second or later child; else 0. */
    public int percentFor(UUID school, UUID enrollment) {
        return jdbc.sql("""
                        select case when exists (
                                   select 1 from enrollments o
                                     join students os on os.school_id = o.school_id and os.id = o.student_id
                                    where o.school_id = e.school_id and os.payee_id = st.payee_id
                                      and o.student_id <> e.student_id and o.status in ('provisional', 'active')
                                      and (o.created_at, o.id) < (e.created_at, e.id))
                                    then s.sibling_discount_percent else 0 end
                          from enrollments e
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join schools s on s.id = e.school_id
                         where e.school_id = :school and e.id = :enrollment""")
                .param("school", school).param("enrollment", enrollment).query(Integer.class).optional().orElse(0);
    }

    /**
     * The percent a new booking of the family would get, shown before it confirms: the school's when one of its
     * children holds a slot already (another child booked is then a second); else 0.
     */
    public int percentForNewBooking(UUID school, UUID payee) {
        return jdbc.sql("""
                        select case when exists (
                                   select 1 from enrollments o
                                     join students os on os.school_id = o.school_id and os.id = o.student_id
                                    where o.school_id = s.id and os.payee_id = :payee
                                      and o.status in ('provisional', 'active'))
                                    then s.sibling_discount_percent else 0 end
                          from schools s where s.id = :school""")
                .param("school", school).param("payee", payee).query(Integer.class).single();
    }

    /** The school's percent off for second and later children (0: none). */
    public int schoolPercent(UUID school) {
        return jdbc.sql("select sibling_discount_percent from schools where id = :school").param("school", school)
                .query(Integer.class).single();
    }

    /** The discount on an amount, to the nearest cent. */
    public static Money off(Money gross, int percent) {
        return Money.of(Math.round(gross.amount() * percent / 100.0), gross.currency());
    }

    /**
     * The full price of what was charged at a discount ({@code net} is what the provider invoiced): the month's price
     * before the discount, to the nearest cent, so the discount shows as its own line.
     */
    public static Money grossOf(Money net, int percent) {
        return Money.of(Math.round(net.amount() * 100.0 / (100 - percent)), net.currency());
    }
}

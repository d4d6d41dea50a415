package academy.cedarheights.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.notifications.Email;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.schools.SchoolAddresses;
import academy.cedarheights.schools.SchoolSweep;
import academy.cedarheights.schools.Schools;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A month before the card on file expires (from the first day of its last month, in the school's zone), the family
 * is asked for a new one — once per card: the claim is the update that records it, so several instances, or a second
 * run the same day, send nothing more.
 */
@Component
class CardExpiryNotices {

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final SchoolAddresses addresses;
    private final Schools schools;
    private final SchoolSweep sweep;
    private final Clock clock;

    CardExpiryNotices(JdbcClient jdbc, Notifications notifications, SchoolAddresses addresses, Schools schools,
                      SchoolSweep sweep, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.addresses = addresses;
        this.schools = schools;
        this.sweep = sweep;
        this.clock = clock;
    }

    int sendAll() {
        return sweep.each(this::send);
    }

    private record Expiring(String parentName, String email, String brand, String last4, int expMonth, int expYear) {
    }

    int send(UUID school) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(schools.branding(school).timeZone())));
        List<Expiring> due = jdbc.sql("""
                        update billing_customers b set expiry_notice_sent_for = b.default_payment_method, updated_at = now()
                          from payees p
                         where b.school_id = :school and p.school_id = b.school_id and p.id = b.payee_id
                           and b.default_payment_method is not null and b.method_type = 'card'
                           and b.method_exp_year is not null and make_date(b.method_exp_year, b.method_exp_month, 1) <= :today
                           and b.expiry_notice_sent_for is distinct from b.default_payment_method
                        returning p.name as parent_name, p.email::text as email, initcap(coalesce(b.method_brand, 'card')) as brand,
                                  b.method_last4 as last4, b.method_exp_month as exp_month, b.method_exp_year as exp_year""")
                .param("school", school).param("today", today).query(Expiring.class).list();
        due.forEach(card -> notifications.email(school, card.email(), new Email.CardExpiring(card.parentName(),
                card.brand(), card.last4(), LocalDate.of(card.expYear(), card.expMonth(), 1),
                addresses.link(school, "/parent/payment-method"))));
        return due.size();
    }
}

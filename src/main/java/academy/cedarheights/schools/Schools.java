package academy.cedarheights.schools;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The schools of this deployment: finding one by slug, and its public profile and prices. */
@Service
@Transactional(readOnly = true)
public class Schools {

    private final JdbcClient jdbc;
    private final AdminAllowlist admins;
    private final SchoolAddresses addresses;

    Schools(JdbcClient jdbc, AdminAllowlist admins, SchoolAddresses addresses) {
        this.jdbc = jdbc;
        this.admins = admins;
        this.addresses = addresses;
    }

    /** The kinds of payment method the school offers: {@code card}, and perhaps {@code acss_debit}. */
    public List<String> paymentMethods(UUID schoolId) {
        return jdbc.sql("select payment_methods from schools where id = :id").param("id", schoolId)
                .query((rs, row) -> List.of((String[]) rs.getArray("payment_methods").getArray())).single();
    }

    /** Whether the email is on the school's admin allowlist (which makes its owner an admin there). */
    public boolean isAdmin(UUID schoolId, String email) {
        return admins.contains(schoolId, email);
    }

    public YearRules yearRules(UUID schoolId) {
        return jdbc.sql("""
                        select renewal_notice_days, renewal_grace_days, min_lessons_in_term, cancellation_refund,
                               tax_rate_percent, tax_registration, postal_address, monthly_pauses_for_closures
                          from schools where id = :id""")
                .param("id", schoolId).query(YearRules.class).single();
    }

    public Branding branding(UUID schoolId) {
        return jdbc.sql("select name, brand_color, contact_email, time_zone, slug from schools where id = :id")
                .param("id", schoolId).query(Branding.class).single();
    }

    /** The school's admins, who receive its alerts. */
    public List<String> adminEmails(UUID schoolId) {
        return admins.list(schoolId);
    }

    /** Every school of the deployment, for work that visits each in turn (reminders, sweeps). */
    public List<UUID> all() {
        return jdbc.sql("select id from schools order by created_at, id").query(UUID.class).list();
    }

    /** Adds emails to the school's admin allowlist; those already on it stay. */
    @Transactional
    public void addAdmins(UUID schoolId, List<String> emails) {
        admins.add(schoolId, emails);
    }

    public Optional<SchoolSummary> findBySlug(String slug) {
        return jdbc.sql("select id, slug, name, time_zone from schools where slug = :slug")
                .param("slug", slug)
                .query((rs, row) -> new SchoolSummary(rs.getObject("id", UUID.class), rs.getString("slug"),
                        rs.getString("name"), ZoneId.of(rs.getString("time_zone"))))
                .optional();
    }

    /**
     * Creates a school with the standard lesson length, hold and make-up allowance, and starting
     * prices (CAD 140 a month, 32 and 30 a lesson) that its admin is expected to set.
     */
    @Transactional
    public SchoolSummary create(NewSchool school) {
        UUID id = jdbc.sql("""
                        insert into schools (slug, name, time_zone, currency, monthly_price_cents,
                                             semester_per_lesson_cents, yearly_per_lesson_cents)
                        values (:slug, :name, :zone, :currency, 14000, 3200, 3000)
                        on conflict (slug) do nothing returning id""")
                .param("slug", school.slug())
                .param("name", school.name())
                .param("zone", school.timeZone())
                .param("currency", school.currency())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new SlugTaken(school.slug()));
        return new SchoolSummary(id, school.slug(), school.name(), ZoneId.of(school.timeZone()));
    }

    public SchoolProfile profile(UUID schoolId) {
        return jdbc.sql("""
                        select slug, name, time_zone, currency, lesson_minutes, monthly_price_cents,
                               semester_per_lesson_cents, yearly_per_lesson_cents, custom_domain
                          from schools where id = :id""")
                .param("id", schoolId)
                .query((rs, row) -> {
                    String currency = rs.getString("currency");
                    List<PlanPrice> plans = List.of(
                            PlanPrice.monthly(Money.of(rs.getLong("monthly_price_cents"), currency)),
                            PlanPrice.perLesson(BillingPlan.SEMESTER, Money.of(rs.getLong("semester_per_lesson_cents"), currency)),
                            PlanPrice.perLesson(BillingPlan.YEARLY, Money.of(rs.getLong("yearly_per_lesson_cents"), currency)));
                    return new SchoolProfile(rs.getString("slug"), rs.getString("name"), rs.getString("time_zone"),
                            currency, rs.getInt("lesson_minutes"), plans,
                            addresses.baseUrl(rs.getString("slug"), rs.getString("custom_domain")));
                })
                .single();
    }
}

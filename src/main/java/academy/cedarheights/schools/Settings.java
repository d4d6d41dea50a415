package academy.cedarheights.schools;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import academy.cedarheights.platform.Money;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.InvalidField;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A school's settings, prices and admin allowlist, as its admins see and change them. */
@Service
@Transactional
public class Settings {

    private final JdbcClient jdbc;
    private final AdminAllowlist admins;
    private final AuditTrail audit;
    private final SchoolAddresses addresses;
    private final CustomDomains domains;
    private final ApplicationEventPublisher events;

    Settings(JdbcClient jdbc, AdminAllowlist admins, AuditTrail audit, SchoolAddresses addresses, CustomDomains domains,
             ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.admins = admins;
        this.audit = audit;
        this.addresses = addresses;
        this.domains = domains;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public SettingsView of(UUID school) {
        return jdbc.sql("""
                        select slug, currency, name, time_zone, lesson_minutes, provisional_hold_days,
                               makeup_allowance_per_semester, monthly_price_cents, semester_per_lesson_cents,
                               yearly_per_lesson_cents, brand_color, contact_email, max_holds_without_card, custom_domain,
                               payment_grace_days, payment_methods, renewal_notice_days, renewal_grace_days,
                               min_lessons_in_term, cancellation_refund, tax_rate_percent, tax_registration, postal_address,
                               monthly_pauses_for_closures, waitlist_offer_hours, sibling_discount_percent,
                               privacy_officer
                          from schools where id = :school""")
                .param("school", school)
                .query((rs, row) -> {
                    String currency = rs.getString("currency");
                    return new SettingsView(rs.getString("slug"), currency, rs.getString("name"),
                            rs.getString("time_zone"), rs.getInt("lesson_minutes"), rs.getInt("provisional_hold_days"),
                            rs.getInt("makeup_allowance_per_semester"), new SchoolSettings.Prices(
                                    Money.of(rs.getLong("monthly_price_cents"), currency),
                                    Money.of(rs.getLong("semester_per_lesson_cents"), currency),
                                    Money.of(rs.getLong("yearly_per_lesson_cents"), currency)),
                            admins.list(school), rs.getString("brand_color"), rs.getString("contact_email"),
                            rs.getInt("max_holds_without_card"), rs.getString("custom_domain"),
                            addresses.baseUrl(rs.getString("slug"), rs.getString("custom_domain")),
                            rs.getInt("payment_grace_days"),
                            List.of((String[]) rs.getArray("payment_methods").getArray()), new YearRules(rs.getInt("renewal_notice_days"),
                                    rs.getInt("renewal_grace_days"), rs.getInt("min_lessons_in_term"),
                                    rs.getString("cancellation_refund"), rs.getBigDecimal("tax_rate_percent"),
                                    rs.getString("tax_registration"), rs.getString("postal_address"),
                                    rs.getBoolean("monthly_pauses_for_closures")), rs.getInt("waitlist_offer_hours"),
                            rs.getInt("sibling_discount_percent"), rs.getString("privacy_officer"));
                })
                .single();
    }

    public SettingsView replace(UUID school, String actor, SchoolSettings settings) {
        SettingsView before = of(school);
        check(school, before, settings);
        String domain = settings.customDomain() == null ? before.customDomain()
                : domains.normalised(settings.customDomain()).orElse(null);
        if (domain != null && !domain.equals(before.customDomain()) && domainTaken(school, domain)) {
            throw new ConflictWithCurrentState(domain + " is the address of another school.");
        }
        jdbc.sql("""
                        update schools set name = :name, time_zone = :zone, lesson_minutes = :minutes,
                               provisional_hold_days = :hold, makeup_allowance_per_semester = :allowance,
                               monthly_price_cents = :monthly, semester_per_lesson_cents = :semester,
                               yearly_per_lesson_cents = :yearly, brand_color = coalesce(:color, '#2f5d50'),
                               contact_email = :contact, updated_at = now(),
                               max_holds_without_card = coalesce(:holds, max_holds_without_card),
                               custom_domain = :domain, payment_grace_days = coalesce(:grace, payment_grace_days),
                               payment_methods = coalesce(cast(:methods as text[]), payment_methods),
                               renewal_notice_days = coalesce(:notice_days, renewal_notice_days),
                               renewal_grace_days = coalesce(:renewal_grace, renewal_grace_days),
                               min_lessons_in_term = coalesce(:min_lessons, min_lessons_in_term),
                               cancellation_refund = coalesce(:refund, cancellation_refund),
                               tax_rate_percent = coalesce(:tax_rate, tax_rate_percent),
                               tax_registration = case when cast(:tax_registration as text) is null then tax_registration
                                                       else nullif(btrim(:tax_registration), '') end,
                               postal_address = case when cast(:postal_address as text) is null then postal_address
                                                     else nullif(btrim(:postal_address), '') end,
                               monthly_pauses_for_closures = coalesce(:pauses, monthly_pauses_for_closures),
                               waitlist_offer_hours = coalesce(:offer_hours, waitlist_offer_hours),
                               sibling_discount_percent = coalesce(:sibling_discount, sibling_discount_percent),
                               privacy_officer = case when cast(:privacy_officer as text) is null then privacy_officer
                                                      else nullif(btrim(:privacy_officer), '') end
                         where id = :school""")
                .param("school", school).param("name", settings.name().trim()).param("zone", settings.timeZone())
                .param("minutes", settings.lessonMinutes()).param("hold", settings.provisionalHoldDays())
                .param("allowance", settings.makeupAllowancePerSemester())
                .param("monthly", settings.prices().monthly().amount())
                .param("semester", settings.prices().semesterPerLesson().amount())
                .param("yearly", settings.prices().yearlyPerLesson().amount())
                .param("color", settings.brandColor()).param("contact", settings.contactEmail())
                .param("holds", settings.maxHoldsWithoutCard()).param("domain", domain)
                .param("grace", settings.paymentGraceDays())
                .param("methods", settings.paymentMethods() == null ? null
                        : settings.paymentMethods().stream().distinct().toArray(String[]::new))
                .param("notice_days", settings.renewalNoticeDays()).param("renewal_grace", settings.renewalGraceDays())
                .param("min_lessons", settings.minLessonsInTerm()).param("refund", settings.cancellationRefund())
                .param("tax_rate", settings.taxRatePercent()).param("tax_registration", settings.taxRegistration())
                .param("postal_address", settings.postalAddress())
                .param("pauses", settings.monthlyPausesForClosures())
                .param("offer_hours", settings.waitlistOfferHours())
                .param("sibling_discount", settings.siblingDiscountPercent())
                .param("privacy_officer", settings.privacyOfficer())
                .update();
        if (!Objects.equals(domain, before.customDomain())) {
            events.publishEvent(new CustomDomainChanged(school));
        }
        admins.replace(school, settings.adminEmails().stream().map(String::trim).distinct().toList());
        SettingsView after = of(school);
        audit.updated(school, actor, "settings", school, before, after);
        return after;
    }

    /** Taken by another school; the unique index settles two schools claiming it at once. */
    private boolean domainTaken(UUID school, String domain) {
        return jdbc.sql("select exists (select 1 from schools where custom_domain = :domain and id <> :school)")
                .param("domain", domain).param("school", school).query(Boolean.class).single();
    }

    private void check(UUID school, SettingsView current, SchoolSettings settings) {
        try {
            if (!ZoneId.getAvailableZoneIds().contains(ZoneId.of(settings.timeZone()).getId())) {
                throw new DateTimeException("not a region");
            }
        } catch (DateTimeException e) {
            throw new InvalidField("time_zone", "must be an IANA time zone such as America/Vancouver");
        }
        checkCurrency("prices.monthly.currency", settings.prices().monthly(), current.currency());
        checkCurrency("prices.semester_per_lesson.currency", settings.prices().semesterPerLesson(), current.currency());
        checkCurrency("prices.yearly_per_lesson.currency", settings.prices().yearlyPerLesson(), current.currency());
        if (settings.lessonMinutes() != current.lessonMinutes()) {
            long slots = jdbc.sql("select count(*) from timeslots where school_id = :school and active")
                    .param("school", school).query(Long.class).single();
            if (slots > 0) {
                throw new ConflictWithCurrentState("The school has " + slots + " active timeslot(s) of "
                        + current.lessonMinutes() + " minutes; deactivate them before changing the lesson length.");
            }
        }
    }

    private static void checkCurrency(String field, Money price, String currency) {
        if (!price.currency().equals(currency)) {
            throw new InvalidField(field, "must be the school's currency, " + currency);
        }
    }
}

package academy.cedarheights.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.FakeStripe;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import academy.cedarheights.support.MovableClock;
import academy.cedarheights.support.SwitchableGateway;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * One school through a whole year on a moving clock, billed by the real Stripe client against a Stripe that bills
 * its subscriptions month after month: Fall 2027 (Thanksgiving and Remembrance Day closed) and Winter 2028 (Family
 * Day and spring break closed); a monthly, a semester and a yearly family from the start; a family that books mid-term
 * and does not renew; one that cancels with a credit and books again in January, spending it; one whose renewal is
 * declined and paid on a new card the same day; one the school bills itself and that pays by e-Transfer. Each day the
 * provider bills what is due and the school's recurring work runs; each evening the day's lessons are read from the
 * school's day sheet. At the end, the ledger must agree with what was taught and with the provider's book.
 */
@IntegrationTest
class YearSimulationTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @Autowired MovableClock clock;
    @Autowired SwitchableGateway gateway;
    @Autowired Renewals renewals;
    @Autowired MonthlyPauses pauses;
    @Autowired TransactionTemplate transaction;

    FakeStripe stripe;
    TestSchool school;
    Session admin;
    UUID piano;
    final Map<String, Family> families = new LinkedHashMap<>();
    /** Every lesson taught: enrollment → its dates. */
    final Map<UUID, List<LocalDate>> taught = new LinkedHashMap<>();

    record Family(String name, Session session, UUID payee, String customer) {
    }

    @BeforeEach
    void aSchoolAndStripe() throws Exception {
        at(LocalDate.of(2027, 8, 25), 9);
        stripe = FakeStripe.billing(api, gateway, clock);
        school = schools.create();
        admin = school.admin(api);
        piano = school.instrument("piano");
        UUID fall = semester("Fall 2027", "2027-09-07", "2027-12-17");
        closure(fall, "2027-10-11", "Thanksgiving");
        closure(fall, "2027-11-11", "Remembrance Day");
        UUID winter = semester("Winter 2028", "2028-01-10", "2028-06-16");
        closure(winter, "2028-02-21", "Family Day");
        closure(winter, "2028-03-13", "2028-03-24", "Spring break");
    }

    @AfterEach
    void realTimeAndTheUsualGateway() {
        gateway.reset();
        clock.reset();
        stripe.close();
    }

    @Test
    void aYearOfLessonsIsChargedOnceEachAndTheLedgerAgreesWithStripe() {
        UUID ada = school.teacher("Ada Keys", true, piano);
        UUID ben = school.teacher("Ben Strings", true, piano);
        Map<String, UUID> slots = Map.of("monthly", school.slot(ada, 1, "16:00"), "semester", school.slot(ada, 2, "16:00"),
                "yearly", school.slot(ada, 3, "16:00"), "mid-term", school.slot(ada, 4, "16:00"),
                "cancels", school.slot(ada, 5, "16:00"), "declined", school.slot(ben, 1, "17:00"),
                "e-transfer", school.slot(ben, 2, "17:00"));
        Map<String, UUID> enrollments = new LinkedHashMap<>();

        enrollments.put("monthly", bookAndWait(family("monthly", FakeStripe.GOOD_CARD), slots.get("monthly"), "monthly"));
        enrollments.put("semester", bookAndWait(family("semester", FakeStripe.GOOD_CARD), slots.get("semester"), "semester"));
        enrollments.put("yearly", bookAndWait(family("yearly", FakeStripe.GOOD_CARD), slots.get("yearly"), "yearly"));
        enrollments.put("cancels", bookAndWait(family("cancels", FakeStripe.GOOD_CARD), slots.get("cancels"), "semester"));
        enrollments.put("declined", bookAndWait(family("declined", FakeStripe.DECLINES_AFTER_FIRST), slots.get("declined"),
                "semester"));
        enrollments.put("e-transfer", activatedBySchool(family("e-transfer", null), slots.get("e-transfer")));
        payByETransfer("e-transfer");
        family("mid-term", FakeStripe.GOOD_CARD);

        for (LocalDate day = LocalDate.of(2027, 8, 25); !day.isAfter(LocalDate.of(2028, 6, 30)); day = day.plusDays(1)) {
            at(day, 9);
            stripe.billSubscriptionsDue();
            drain();
            sweep();
            drain();
            if (day.equals(LocalDate.of(2027, 10, 14))) {
                enrollments.put("mid-term", bookAndWait(families.get("mid-term"), slots.get("mid-term"), "semester"));
            }
            if (day.equals(LocalDate.of(2027, 10, 20))) {
                Answer cancelled = families.get("cancels").session()
                        .post("/api/v1/parent/bookings/" + tracking(enrollments.get("cancels")) + "/cancel", "");
                assertThat(cancelled.text("status")).isEqualTo("cancelled");
            }
            if (day.equals(LocalDate.of(2027, 12, 28))) {
                Answer optedOut = families.get("mid-term").session().post("/api/v1/parent/bookings/"
                        + tracking(enrollments.get("mid-term")) + "/renewal", "{\"renew\": false}");
                assertThat(optedOut.text("state")).isEqualTo("opted_out");
            }
            if (day.equals(LocalDate.of(2028, 1, 10))) {
                assertThat(renewalState("declined", enrollments)).isEqualTo("failed");
                at(day, 12);
                stripe.replaceCard(families.get("declined").customer(), FakeStripe.GOOD_CARD);
                await().atMost(Duration.ofSeconds(20)).until(() -> "charged".equals(renewalState("declined", enrollments)));
            }
            if (day.equals(LocalDate.of(2028, 1, 12))) {
                enrollments.put("cancels-again", bookAndWait(families.get("cancels"), slots.get("cancels"), "semester"));
                payByETransfer("e-transfer");
            }
            at(day, 20);
            drain();
            recordTheDaysLessons(day);
        }

        Map<UUID, List<PaidCharge>> charges = paidCharges();
        // every lesson taught was charged exactly once, and nobody was taught past what they paid for
        taught.forEach((enrollment, dates) -> dates.forEach(date -> assertThat(charges.getOrDefault(enrollment, List.of())
                .stream().filter(charge -> charge.covers(date)).count())
                .as("charges covering the lesson of %s on %s", enrollment, date).isEqualTo(1)));
        // no term lesson was charged and not given (a cancelled term's unused lessons were credited back)
        enrollments.forEach((who, enrollment) -> {
            if (who.equals("monthly")) {
                return;  // a flat monthly tuition: each month is charged whatever its lessons
            }
            long charged = charges.getOrDefault(enrollment, List.of()).stream().mapToLong(PaidCharge::lessons).sum();
            long credited = who.equals("cancels") ? 9 : 0;
            assertThat(charged - credited).as("%s: lessons charged (less credited) and given", who)
                    .isEqualTo(taught.getOrDefault(enrollment, List.of()).size());
        });
        // the provider's book and the ledgers hold the same payments and refunds
        List<String> ledgerMoves = new ArrayList<>();
        families.values().forEach(family -> account(family).path("entries").valueStream()
                .filter(entry -> Set.of("payment", "refund").contains(entry.path("kind").asString()))
                .filter(entry -> entry.path("status").asString().equals("paid"))
                .filter(entry -> !Set.of("e_transfer").contains(entry.path("method").asString("")))
                .forEach(entry -> ledgerMoves.add(entry.path("kind").asString() + " " + Math.abs(entry.path("amount").path("amount").asLong()))));
        List<String> stripeMoves = stripe.book().stream().map(move -> (move.kind().equals("charge") ? "payment" : "refund")
                + " " + move.amount()).toList();
        assertThat(ledgerMoves).containsExactlyInAnyOrderElementsOf(stripeMoves);
        // each family's balance is its history: everything charged was paid, by card, credit or e-Transfer
        families.forEach((who, family) -> {
            JsonNode account = account(family);
            long sum = account.path("entries").valueStream().filter(entry -> !Set.of("failed", "void")
                    .contains(entry.path("status").asString())).mapToLong(entry -> entry.path("amount").path("amount").asLong()).sum();
            assertThat(account.path("balance").path("amount").asLong()).as(who + "'s balance").isEqualTo(sum).isZero();
        });
        // nobody was taught past the last lesson paid for
        taught.forEach((enrollment, dates) -> {
            owner.jdbc().sql("select paid_through from enrollments where id = :id and billing_plan <> 'monthly'")
                    .param("id", enrollment).query(LocalDate.class).optional()
                    .ifPresent(paidThrough -> assertThat(dates.get(dates.size() - 1))
                            .as("last lesson of " + who(enrollments, enrollment)).isBeforeOrEqualTo(paidThrough));
        });
        assertThat(status(enrollments.get("mid-term"))).isEqualTo("ended");
        assertThat(status(enrollments.get("cancels"))).isEqualTo("cancelled");

        System.out.printf("The year, simulated: %d lessons taught; %d charges paid; %d Stripe charges, %d refunds; "
                        + "balances %s%n", taught.values().stream().mapToInt(List::size).sum(),
                charges.values().stream().mapToInt(List::size).sum(),
                stripe.book().stream().filter(move -> move.kind().equals("charge")).count(),
                stripe.book().stream().filter(move -> move.kind().equals("refund")).count(),
                families.entrySet().stream().map(entry -> entry.getKey() + "=" + account(entry.getValue()).path("balance")
                        .path("amount").asLong()).collect(Collectors.joining(", ")));
        taught.forEach((enrollment, dates) -> System.out.printf("  %s: %d lessons, %s to %s%n", who(enrollments, enrollment),
                dates.size(), dates.get(0), dates.get(dates.size() - 1)));
    }

    @Test
    void aRenewalNotPaidInItsGraceDaysIsVoidedAtStripeSoThatNoCardAddedLaterPaysForATermThatIsGone() {
        Family family = family("lapses", FakeStripe.DECLINES_AFTER_FIRST);
        UUID enrollment = bookAndWait(family, school.slot(school.teacher("Ada Keys", true, piano), 2, "16:00"),
                "semester");
        for (LocalDate day : List.of(LocalDate.of(2027, 12, 27), LocalDate.of(2028, 1, 10), LocalDate.of(2028, 1, 18))) {
            at(day, 10);
            sweep();
            drain();
        }
        String renewalInvoice = stripe.invoicesFor(owner.jdbc().sql("select id::text from renewals where enrollment_id = :e")
                .param("e", enrollment).query(String.class).single()).get(0);

        assertThat(status(enrollment)).isEqualTo("ended");
        assertThat(stripe.invoiceStatus(renewalInvoice)).isEqualTo("void");
        stripe.replaceCard(family.customer(), FakeStripe.GOOD_CARD);
        drain();
        assertThat(stripe.book()).as("the first term only").hasSize(1);
        JsonNode account = account(family);
        assertThat(account.path("balance").path("amount").asLong()).isZero();
        assertThat(account.path("entries").valueStream().map(entry -> entry.path("status").asString()))
                .containsExactlyInAnyOrder("paid", "paid", "void", "void");
    }

    @Test
    void aSchoolThatPausesForClosuresBillsNoMonthWithoutLessons() {
        owner.jdbc().sql("update schools set monthly_pauses_for_closures = true where id = :s").param("s", school.id()).update();
        semester("Fall 2028", "2028-09-05", "2028-12-15");
        UUID slot = school.slot(school.teacher("Ada Keys", true, piano), 1, "16:00");
        at(LocalDate.of(2028, 6, 1), 9);
        Family family = family("summer", FakeStripe.GOOD_CARD);
        UUID enrollment = bookAndWait(family, slot, "monthly");

        for (LocalDate day = LocalDate.of(2028, 6, 1); !day.isAfter(LocalDate.of(2028, 10, 2)); day = day.plusDays(1)) {
            at(day, 9);
            stripe.billSubscriptionsDue();
            drain();
            TenantContext.callAs(school.id(), () -> transaction.execute(status -> pauses.pause(school.id())));
            drain();
        }

        assertThat(stripe.invoicesOf(family.customer())).as("summer months voided")
                .containsExactly("2028-06 paid", "2028-07 void", "2028-08 void", "2028-09 paid", "2028-10 paid");
        assertThat(account(family).path("entries").valueStream().filter(entry -> entry.path("kind").asString().equals("charge"))
                .map(entry -> entry.path("amount").path("amount").asLong()).toList())
                .as("October, September, and June prorated from the 1st at 9 a.m.").hasSize(3).contains(15000L);
        assertThat(account(family).path("balance").path("amount").asLong()).isZero();
        assertThat(status(enrollment)).isEqualTo("active");
    }

    @Test
    void theSecondAndThirdChildPayTheSiblingDiscountEveryMonthAndTermAsALineOfItsOwn() {
        owner.jdbc().sql("update schools set sibling_discount_percent = 10 where id = :s").param("s", school.id()).update();
        UUID ada = school.teacher("Ada Keys", true, piano);
        Family family = family("siblings", FakeStripe.GOOD_CARD);
        String eldest = family.session().get("/api/v1/parent/students").json().get(0).path("id").asString();
        String second = kid(family, "Second");
        String third = kid(family, "Third");
        UUID first = bookAndWait(family, eldest, school.slot(ada, 1, "16:00"), "monthly");
        UUID termSlot = school.slot(ada, 2, "16:00");
        assertThat(page(family, "/book/" + termSlot)).as("shown before confirming")
                .contains("with the sibling discount (10%)");
        UUID term = bookAndWait(family, second, termSlot, "semester");
        UUID month = bookAndWait(family, third, school.slot(ada, 3, "16:00"), "monthly");

        for (LocalDate day = LocalDate.of(2027, 8, 26); !day.isAfter(LocalDate.of(2028, 1, 12)); day = day.plusDays(1)) {
            at(day, 9);
            stripe.billSubscriptionsDue();
            drain();
            sweep();
            drain();
        }

        List<LedgerLine> lines = owner.jdbc().sql("""
                        select enrollment_id, kind, amount_cents, provider_ref from ledger_entries
                         where school_id = :s and payee_id = :p and provider_ref is not null""")
                .param("s", school.id()).param("p", family.payee()).query(LedgerLine.class).list();
        Map<String, List<LedgerLine>> byInvoice = lines.stream().collect(Collectors.groupingBy(LedgerLine::providerRef));
        assertThat(byInvoice.values()).as("every invoice: charged in full, less its discount, paid what it asked")
                .allSatisfy(invoice -> assertThat(invoice.stream().mapToLong(LedgerLine::amountCents).sum()).isZero());
        assertThat(lines).filteredOn(line -> line.enrollmentId().equals(first)).extracting(LedgerLine::kind)
                .as("the first child pays in full").doesNotContain("adjustment");
        for (UUID discounted : List.of(term, month)) {
            List<LedgerLine> charges = lines.stream()
                    .filter(line -> line.enrollmentId().equals(discounted) && line.kind().equals("charge")).toList();
            assertThat(charges).as("a term and its renewal, or the months").hasSizeGreaterThanOrEqualTo(2);
            for (LedgerLine charge : charges) {
                long discount = byInvoice.get(charge.providerRef()).stream().filter(line -> line.kind().equals("adjustment"))
                        .mapToLong(LedgerLine::amountCents).sum();
                assertThat(-discount).as(charge.toString()).isBetween(charge.amountCents() / 10 - 1, charge.amountCents() / 10 + 1);
            }
        }
        assertThat(stripe.book().stream().filter(move -> move.customer().equals(family.customer()))
                .map(FakeStripe.Movement::amount)).as("a full month of the third child at the discounted price")
                .contains(15000L, 13500L);
        assertThat(account(family).path("balance").path("amount").asLong()).isZero();
        assertThat(account(family).path("entries").valueStream().map(entry -> entry.path("description").asString()))
                .contains("Sibling discount (10%)");
        long renewal = owner.jdbc().sql("select amount_cents from latest_renewals where enrollment_id = :e")
                .param("e", term).query(Long.class).single();
        assertThat(Mailbox.latest("siblings@" + school.slug() + ".test", "Winter 2028").text())
                .as("the renewal notice asks the discounted amount")
                .contains(String.format(Locale.CANADA, "$%,.2f", renewal / 100.0));

        assertThat(family.session().post("/api/v1/parent/bookings/" + tracking(term) + "/cancel", "").status())
                .isEqualTo(200);
        drain();
        long credit = owner.jdbc().sql("select amount_cents from ledger_entries where enrollment_id = :e and kind = 'credit'")
                .param("e", term).query(Long.class).single();
        assertThat(credit).as("the unused lessons at what was paid for each: $35.00 less 10%").isNegative();
        assertThat(credit % 3150).isZero();
    }

    record LedgerLine(UUID enrollmentId, String kind, long amountCents, String providerRef) {
    }

    private String kid(Family family, String name) {
        return family.session().post("/api/v1/parent/students", """
                {"name": "%s", "birth_date": "2017-05-01", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(name, piano)).text("id");
    }

    /** A page of the school as the signed-in family sees it (its session under the school's /s/ prefix). */
    private String page(Family family, String path) {
        String prefix = "/s/" + school.slug();
        return api.send(HttpRequest.newBuilder(api.uri(prefix + path)).GET(), "Cookie",
                "cedar_session" + prefix.replace('/', '_').replace('-', '_') + "=" + family.session().token()).body();
    }

    // -- the school's families --------------------------------------------------------------------------------------

    private Family family(String who, String card) {
        String email = who + "@" + school.slug() + ".test";
        Session session = api.as(school.signUp(api, email));
        session.post("/api/v1/parent/payees/self", "{\"name\": \"" + who + " family\", \"phone\": null}");
        session.post("/api/v1/parent/students", """
                {"name": "%s kid", "birth_date": "2017-05-01", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(who, piano));
        UUID payee = UUID.fromString(session.get("/api/v1/parent/payees/self").text("id"));
        String customer = null;
        if (card != null) {
            customer = stripe.customerWithCard(email, card);
            owner.jdbc().sql("""
                            insert into billing_customers (school_id, payee_id, customer_id, default_payment_method,
                                                           method_type, method_brand, method_last4)
                            values (:s, :p, :c, :card, 'card', 'visa', '4242')""")
                    .param("s", school.id()).param("p", payee).param("c", customer).param("card", card).update();
            owner.jdbc().sql("insert into stripe_customers (customer_id, school_id, payee_id) values (:c, :s, :p)")
                    .param("c", customer).param("s", school.id()).param("p", payee).update();
        }
        Family family = new Family(who, session, payee, customer);
        families.put(who, family);
        return family;
    }

    private UUID bookAndWait(Family family, UUID slot, String plan) {
        return bookAndWait(family, family.session().get("/api/v1/parent/students").json().get(0).path("id").asString(),
                slot, plan);
    }

    private UUID bookAndWait(Family family, String kid, UUID slot, String plan) {
        Answer booked = family.session().post("/api/v1/parent/bookings", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "%s"}""".formatted(kid, slot, plan));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
        String tracking = booked.text("tracking_id");
        await().atMost(Duration.ofSeconds(20)).until(() -> family.session()
                .get("/api/v1/parent/bookings/" + tracking + "/status").text("status").equals("active"));
        return UUID.fromString(booked.text("enrollment_id"));
    }

    private UUID activatedBySchool(Family family, UUID slot) {
        String kid = family.session().get("/api/v1/parent/students").json().get(0).path("id").asString();
        Answer enrolled = admin.post("/api/v1/admin/enrollments", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "semester", "activate": true}"""
                .formatted(kid, slot));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        return UUID.fromString(enrolled.text("enrollment_id"));
    }

    /** The school records an e-Transfer of what the family owes. */
    private void payByETransfer(String who) {
        Family family = families.get(who);
        long owed = account(family).path("balance").path("amount").asLong();
        assertThat(owed).as(who + " owes").isPositive();
        Answer paid = admin.post("/api/v1/admin/payees/" + family.payee() + "/payments", """
                {"amount": {"amount": %d, "currency": "CAD"}, "method": "e_transfer", "note": "Interac"}""".formatted(owed));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    }

    // -- the school's day -------------------------------------------------------------------------------------------

    private void recordTheDaysLessons(LocalDate day) {
        admin.get("/api/v1/admin/attendance?date=" + day).json().valueStream()
                .filter(lesson -> lesson.path("makeup_id").isNull() || lesson.path("makeup_id").isMissingNode())
                .forEach(lesson -> taught.computeIfAbsent(UUID.fromString(lesson.path("enrollment_id").asString()),
                        enrollment -> new ArrayList<>()).add(day));
    }

    private void sweep() {
        TenantContext.callAs(school.id(), () -> transaction.execute(status -> renewals.sweep(school.id())));
    }

    private void drain() {
        owner.awaitJobsDue();
    }

    // -- what the ledger says --------------------------------------------------------------------------------------

    private JsonNode account(Family family) {
        return admin.get("/api/v1/admin/payees/" + family.payee() + "/account").json();
    }

    /** A paid charge: the days it covers (none for a charge on account) and the lessons it counts (0 for a month). */
    record PaidCharge(LocalDate from, LocalDate to, long lessons) {

        boolean covers(LocalDate date) {
            return from != null && !date.isBefore(from) && !date.isAfter(to);
        }
    }

    /** Every paid charge of the school, by enrollment. */
    private Map<UUID, List<PaidCharge>> paidCharges() {
        return owner.jdbc().sql("""
                        select enrollment_id, covers_from, covers_to, coalesce(lessons, 0) as lessons from ledger_entries
                         where school_id = :s and kind = 'charge' and status = 'paid' and enrollment_id is not null""")
                .param("s", school.id())
                .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), new PaidCharge(rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getLong(4))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private String tracking(UUID enrollment) {
        return owner.jdbc().sql("select tracking_id::text from enrollments where id = :id").param("id", enrollment)
                .query(String.class).single();
    }

    private String status(UUID enrollment) {
        return owner.jdbc().sql("select status from enrollments where id = :id").param("id", enrollment)
                .query(String.class).single();
    }

    private String renewalState(String who, Map<String, UUID> enrollments) {
        return owner.jdbc().sql("select state from latest_renewals where enrollment_id = :id")
                .param("id", enrollments.get(who)).query(String.class).optional().orElse(null);
    }

    private static String who(Map<String, UUID> enrollments, UUID enrollment) {
        return enrollments.entrySet().stream().filter(entry -> entry.getValue().equals(enrollment)).map(Map.Entry::getKey)
                .findFirst().orElse(enrollment.toString());
    }

    private UUID semester(String name, String start, String end) {
        return owner.jdbc().sql("""
                        insert into semesters (school_id, name, start_date, end_date)
                        values (:s, :name, cast(:a as date), cast(:b as date)) returning id""")
                .param("s", school.id()).param("name", name).param("a", start).param("b", end).query(UUID.class).single();
    }

    private void closure(UUID semester, String day, String reason) {
        closure(semester, day, day, reason);
    }

    private void closure(UUID semester, String start, String end, String reason) {
        owner.jdbc().sql("""
                        insert into closures (school_id, semester_id, start_date, end_date, reason)
                        values (:s, :semester, cast(:a as date), cast(:b as date), :reason)""")
                .param("s", school.id()).param("semester", semester).param("a", start).param("b", end)
                .param("reason", reason).update();
    }

    private void at(LocalDate day, int hour) {
        clock.set(day.atTime(LocalTime.of(hour, 0)).atZone(VANCOUVER).toInstant());
    }
}

package academy.cedarheights.schools;

import java.math.BigDecimal;

/**
 * How a school runs its year: how early a term's renewal is announced, how long a family whose renewal was declined
 * keeps its slot, the fewest lessons a term booking covers before it takes in the next semester, what a cancelled term
 * gives back ({@code credit}, {@code refund} or {@code none}), and what its receipts say (a tax rate — none by default,
 * music lessons being generally GST/HST-exempt in Canada — its registration number, and the school's postal address),
 * and whether a monthly plan's billing pauses for a month without lessons (off: a flat monthly tuition).
 */
public record YearRules(int renewalNoticeDays, int renewalGraceDays, int minLessonsInTerm, String cancellationRefund,
                        BigDecimal taxRatePercent, String taxRegistration, String postalAddress,
                        boolean monthlyPausesForClosures) {
}

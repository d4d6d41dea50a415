package academy.cedarheights.schools;

import java.math.BigDecimal;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a school's admins set: its name and zone, lesson rules, prices, who its admins are, and how its
 * emails look (brand colour; the contact address every email shows), how many slots a family without a card may
 * hold at once, the school's own domain, and the days a family whose payment failed keeps its slot. Without a colour,
 * the default; without a number of holds, a domain, grace days or payment methods, the one set before (an empty
 * domain removes it). Payment methods: {@code card}, and {@code acss_debit} (Canadian pre-authorised debit). The year's
 * rules ({@link YearRules}) likewise keep their value when left out; an empty tax registration or postal address
 * removes it. The privacy officer (the person who answers for the school's handling of personal information, named on
 * its privacy page) likewise; empty removes the name, and the page then names the school's owner.
 */
public record SchoolSettings(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 64) String timeZone,
        @NotNull @Min(10) @Max(240) Integer lessonMinutes,
        @NotNull @Min(1) @Max(90) Integer provisionalHoldDays,
        @NotNull @Min(0) @Max(52) Integer makeupAllowancePerSemester,
        @NotNull @Valid Prices prices,
        @NotNull @Size(min = 1, max = 50) List<@NotBlank @Email String> adminEmails,
        @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour such as #2f5d50") String brandColor,
        @Email @Size(max = 254) String contactEmail,
        @Min(1) @Max(50) Integer maxHoldsWithoutCard,
        @Size(max = 253) String customDomain,
        @Min(1) @Max(90) Integer paymentGraceDays,
        @Size(min = 1, max = 2) List<@Pattern(regexp = "card|acss_debit", message = "must be card or acss_debit") String>
                paymentMethods,
        @Min(1) @Max(90) Integer renewalNoticeDays,
        @Min(0) @Max(60) Integer renewalGraceDays,
        @Min(0) @Max(26) Integer minLessonsInTerm,
        @Pattern(regexp = "credit|refund|none", message = "must be one of credit, refund, none") String cancellationRefund,
        @DecimalMin("0") @DecimalMax("30") @Digits(integer = 2, fraction = 3) BigDecimal taxRatePercent,
        @Size(max = 40) String taxRegistration,
        @Size(max = 300) String postalAddress,
        Boolean monthlyPausesForClosures,
        @Min(1) @Max(168) Integer waitlistOfferHours,
        @Min(0) @Max(50) Integer siblingDiscountPercent,
        @Size(max = 200) String privacyOfficer) {

    public record Prices(@NotNull @Valid academy.cedarheights.platform.Money monthly,
                         @NotNull @Valid academy.cedarheights.platform.Money semesterPerLesson,
                         @NotNull @Valid academy.cedarheights.platform.Money yearlyPerLesson) {
    }
}

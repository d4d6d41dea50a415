package academy.cedarheights.schools;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A school's settings with its fixed identity (slug and currency) and where it lives ({@code base_url}, from its own
 * domain if set), as {@code GET /admin/settings} answers.
 */
public record SettingsView(String slug, String currency, String name, String timeZone, int lessonMinutes,
                           int provisionalHoldDays, int makeupAllowancePerSemester, SchoolSettings.Prices prices,
                           List<String> adminEmails, String brandColor, String contactEmail, int maxHoldsWithoutCard,
                           String customDomain, String baseUrl, int paymentGraceDays, List<String> paymentMethods,
                           @JsonUnwrapped YearRules yearRules, int waitlistOfferHours, int siblingDiscountPercent,
                           String privacyOfficer) {
}

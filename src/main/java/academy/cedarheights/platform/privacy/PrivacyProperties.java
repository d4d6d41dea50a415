package academy.cedarheights.platform.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the deployment keeps what the law asks of its schools ({@code APP_PRIVACY_*} environment variables).
 *
 * @param financialRetentionYears how long an erased family's charges, payments and refunds stay, counted from the
 *                                erasure ({@code APP_PRIVACY_FINANCIAL_RETENTION_YEARS}; Canadian tax law: six years
 *                                after the year they concern, so 7 by default)
 * @param inactiveFamilyYears     a family with no lesson booked, paid or taught for this long is offered to the admin
 *                                for erasure ({@code APP_PRIVACY_INACTIVE_FAMILY_YEARS}, 3 by default)
 */
@ConfigurationProperties("app.privacy")
public record PrivacyProperties(@DefaultValue("7") int financialRetentionYears,
                                @DefaultValue("3") int inactiveFamilyYears) {

    public PrivacyProperties {
        if (financialRetentionYears < 1 || inactiveFamilyYears < 1) {
            throw new IllegalArgumentException("app.privacy: retention years must be at least 1");
        }
    }
}

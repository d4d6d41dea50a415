package academy.cedarheights.schools;

import academy.cedarheights.platform.Money;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a billing plan costs: monthly plans have a {@code price} per month, semester and yearly
 * plans a {@code per_lesson} rate multiplied by the lessons left in the period.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanPrice(BillingPlan plan, Money price, Money perLesson) {

    static PlanPrice monthly(Money price) {
        return new PlanPrice(BillingPlan.MONTHLY, price, null);
    }

    static PlanPrice perLesson(BillingPlan plan, Money rate) {
        return new PlanPrice(plan, null, rate);
    }
}

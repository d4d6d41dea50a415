package academy.cedarheights.schools;

import java.util.List;

/**
 * What anyone may know about a school: its identity, its lesson length and its prices, and its address
 * ({@code base_url}: where its pages are and every link made for it starts).
 */
public record SchoolProfile(String slug, String name, String timeZone, String currency, int lessonMinutes,
                            List<PlanPrice> plans, String baseUrl) {
}

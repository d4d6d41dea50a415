package academy.cedarheights.schools;

import java.util.List;

/** What anyone may know about a school: its identity, its lesson length and its prices. */
public record SchoolProfile(String slug, String name, String timeZone, String currency, int lessonMinutes,
                            List<PlanPrice> plans) {
}

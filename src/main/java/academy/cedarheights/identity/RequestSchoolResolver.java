package academy.cedarheights.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import academy.cedarheights.platform.config.AppProperties;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.security.CallerArgumentResolver;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.tenancy.SchoolResolver;
import academy.cedarheights.schools.SchoolNotFound;
import academy.cedarheights.schools.SchoolSummary;
import academy.cedarheights.schools.Schools;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Chooses the school of a request, in the order of the spec: the signed-in caller's token, the
 * {@code X-School} header, the host's first label under {@code APP_BASE_DOMAIN}, else the deployment's
 * default school. A token used against another school named by header or host is refused (403).
 */
@Component
class RequestSchoolResolver implements SchoolResolver {

    static final String HEADER = "X-School";
    private static final Duration REMEMBER_FOR = Duration.ofMinutes(1);
    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();
    private final Schools schools;
    private final AppProperties app;

    RequestSchoolResolver(Schools schools, AppProperties app) {
        this.schools = schools;
        this.app = app;
    }

    @Override
    public CurrentSchool resolve(HttpServletRequest request) {
        String slug = requestedSlug(request);
        SchoolSummary school = known(slug);
        return new CurrentSchool(school.id(), school.slug(), school.timeZone());
    }

    /**
     * Every request names its school, and schools change rarely: a found school is remembered for a minute
     * rather than looked up in a transaction of its own each time. Unknown slugs are not remembered, so
     * made-up names cannot fill the memory.
     */
    private SchoolSummary known(String slug) {
        Remembered remembered = recent.get(slug);
        if (remembered != null && remembered.at().plus(REMEMBER_FOR).isAfter(Instant.now())) {
            return remembered.school();
        }
        SchoolSummary school = schools.findBySlug(slug).orElseThrow(() -> new SchoolNotFound(slug));
        recent.put(slug, new Remembered(school, Instant.now()));
        return school;
    }

    private record Remembered(SchoolSummary school, Instant at) {
    }

    private String requestedSlug(HttpServletRequest request) {
        String named = namedSlug(request);
        return CallerArgumentResolver.current().map(Caller::school).map(tokenSchool -> {
            if (named != null && !named.equals(tokenSchool)) {
                throw new WrongSchool(tokenSchool, named);
            }
            return tokenSchool;
        }).orElse(named != null ? named : app.defaultSchool());
    }

    /** The school the request names by header or host, if any. */
    private String namedSlug(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return header.trim().toLowerCase(Locale.ROOT);
        }
        return slugFromHost(request.getServerName());
    }

    private String slugFromHost(String host) {
        String base = app.baseDomain();
        if (base == null || base.isBlank() || host == null) {
            return null;
        }
        String suffix = "." + base.toLowerCase(Locale.ROOT);
        String lowerHost = host.toLowerCase(Locale.ROOT);
        if (!lowerHost.endsWith(suffix)) {
            return null;
        }
        String label = lowerHost.substring(0, lowerHost.length() - suffix.length());
        return label.isEmpty() || label.contains(".") ? null : label;
    }
}

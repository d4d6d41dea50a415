package academy.cedarheights.identity;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import academy.cedarheights.platform.config.AppProperties;
import academy.cedarheights.platform.config.PublicAddress;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.security.CallerArgumentResolver;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.tenancy.SchoolPathPrefix;
import academy.cedarheights.platform.tenancy.SchoolResolver;
import academy.cedarheights.schools.CustomDomainChanged;
import academy.cedarheights.schools.SchoolAddresses;
import academy.cedarheights.schools.SchoolNotFound;
import academy.cedarheights.schools.SchoolSummary;
import academy.cedarheights.schools.Schools;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Chooses the school of a request, in the order of the spec: the signed-in caller's token, else the school the
 * request names — its {@code /s/<slug>} path prefix, the {@code X-School} header, a school's own domain as its host,
 * or the host's first label under {@code APP_BASE_DOMAIN} — else the deployment's default school. A token used
 * against another school the request names is refused (403).
 */
@Component
class RequestSchoolResolver implements SchoolResolver {

    static final String HEADER = "X-School";
    private static final Duration REMEMBER_FOR = Duration.ofMinutes(1);
    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();
    /** Hosts seen, with the school whose own domain each is (or none); cleared when it grows past its bound. */
    private final Map<String, OwnDomain> domains = new ConcurrentHashMap<>();
    private final Schools schools;
    private final SchoolAddresses addresses;
    private final AppProperties app;
    private final String publicHost;

    RequestSchoolResolver(Schools schools, SchoolAddresses addresses, AppProperties app, PublicAddress site) {
        this.schools = schools;
        this.addresses = addresses;
        this.app = app;
        this.publicHost = URI.create(site.base()).getHost();
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

    /** The school the request names by path, header or host, if any. */
    private String namedSlug(HttpServletRequest request) {
        Optional<String> prefixed = SchoolPathPrefix.slugOf(request);
        if (prefixed.isPresent()) {
            return prefixed.get();
        }
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return header.trim().toLowerCase(Locale.ROOT);
        }
        String host = request.getServerName();
        return ownDomainOf(host).orElseGet(() -> slugFromHost(host));
    }

    /**
     * The school whose own domain the host is. The deployment's own host is none; looking others up would be a query
     * on every request, so each host's answer is kept (in a bounded map: Host is the client's to write), and a domain
     * set or changed in the settings clears it — on this instance; another sees the change within the minute a
     * school is remembered.
     */
    private Optional<String> ownDomainOf(String host) {
        if (host == null || host.equalsIgnoreCase(publicHost) || host.equalsIgnoreCase("localhost")) {
            return Optional.empty();
        }
        String key = host.toLowerCase(Locale.ROOT);
        OwnDomain known = domains.get(key);
        if (known != null && known.at().plus(REMEMBER_FOR).isAfter(Instant.now())) {
            return known.slug();
        }
        if (domains.size() > 10_000) {
            domains.clear();
        }
        Optional<String> found = addresses.slugOfDomain(key);
        domains.put(key, new OwnDomain(found, Instant.now()));
        return found;
    }

    private record OwnDomain(Optional<String> slug, Instant at) {
    }

    /** A school's own domain was set or changed: hosts are looked up again. */
    @EventListener
    void domainChanged(CustomDomainChanged changed) {
        domains.clear();
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

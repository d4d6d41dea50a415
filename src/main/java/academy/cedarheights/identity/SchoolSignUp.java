package academy.cedarheights.identity;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import academy.cedarheights.platform.persistence.DatabaseProperties;
import academy.cedarheights.platform.persistence.TransactionSchool;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.security.Role;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.schools.NewSchool;
import academy.cedarheights.schools.SchoolAddresses;
import academy.cedarheights.schools.SchoolSummary;
import academy.cedarheights.schools.Schools;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A new school and its first admin, in one transaction: either both exist afterwards or neither. */
@Service
class SchoolSignUp {

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,38}[a-z0-9]");
    /** Names a school may not take: they are, or will be, the platform's own host names and paths. */
    static final Set<String> RESERVED_SLUGS = Set.of("www", "app", "api", "admin", "mail", "smtp", "static", "assets",
            "s", "cdn", "status", "help", "support", "docs", "billing", "auth", "login", "signup", "account", "accounts",
            "dashboard", "webhooks", "public", "root", "system", "cedar-heights-platform");

    private final IdentityProperties properties;
    private final Schools schools;
    private final TransactionSchool transactionSchool;
    private final Accounts accounts;
    private final BackendTokens tokens;
    private final SignInAudit audit;
    private final Sessions sessions;
    private final boolean embeddedDatabase;
    private final SchoolAddresses addresses;

    SchoolSignUp(IdentityProperties properties, Schools schools, TransactionSchool transactionSchool,
                 Accounts accounts, BackendTokens tokens, SignInAudit audit, Sessions sessions,
                 DatabaseProperties database, SchoolAddresses addresses) {
        this.addresses = addresses;
        this.sessions = sessions;
        this.embeddedDatabase = database.embedded();
        this.properties = properties;
        this.schools = schools;
        this.transactionSchool = transactionSchool;
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
    }

    record Request(String schoolName, String slug, String timeZone, String currency, String adminEmail,
                   String adminPassword) {
    }

    record Answer(String slug, String baseUrl, String backendJwt, String tokenType, long expiresIn, String role) {
    }

    @Transactional
    Answer signUp(Request request) {
        if (!open()) {
            throw new SchoolSignUpClosed();
        }
        String slug = request.slug().trim().toLowerCase(Locale.ROOT);
        validate(request, slug);
        SchoolSummary school = schools.create(new NewSchool(slug, request.schoolName().trim(), request.timeZone(),
                request.currency().toUpperCase(Locale.ROOT)));
        transactionSchool.actFor(school.id());
        schools.addAdmins(school.id(), List.of(request.adminEmail()));
        // the school is new and its creator's alone: there is nothing of anyone else's their address could open
        UUID account = accounts.register(school.id(), request.adminEmail(), request.adminPassword());
        accounts.markVerified(school.id(), account);
        Caller admin = new Caller(account.toString(), request.adminEmail(), Role.ADMIN, slug, true);
        audit.signedUp(school.id(), admin);
        TokenAnswer token = tokens.issue(admin, sessions.start(slug, admin.subject(), SessionClaims.PASSWORD));
        return new Answer(slug, addresses.baseUrl(school.id()).toString(), token.backendJwt(), token.tokenType(),
                token.expiresIn(), token.role());
    }

    /** Whether strangers may create schools here: as configured, else only on the embedded (demo) database. */
    boolean open() {
        return properties.schoolSignupOpen(embeddedDatabase);
    }

    private static void validate(Request request, String slug) {
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidField("slug", "must be 3 to 40 lowercase letters, digits or hyphens, "
                    + "not starting or ending with a hyphen");
        }
        if (RESERVED_SLUGS.contains(slug)) {
            throw new InvalidField("slug", "'" + slug + "' is reserved for the platform; choose another");
        }
        try {
            if (!ZoneId.getAvailableZoneIds().contains(ZoneId.of(request.timeZone()).getId())) {
                throw new DateTimeException("not a region");
            }
        } catch (DateTimeException e) {
            throw new InvalidField("time_zone", "must be an IANA time zone such as America/Vancouver");
        }
        try {
            Currency.getInstance(request.currency().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("currency", "must be an ISO 4217 currency code such as CAD");
        }
        PasswordPolicy.check("admin_password", request.adminPassword(), request.adminEmail());
    }
}

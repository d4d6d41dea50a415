package academy.cedarheights.identity;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import academy.cedarheights.platform.persistence.TransactionSchool;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.security.Role;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.schools.NewSchool;
import academy.cedarheights.schools.SchoolSummary;
import academy.cedarheights.schools.Schools;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A new school and its first admin, in one transaction: either both exist afterwards or neither. */
@Service
class SchoolSignUp {

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,38}[a-z0-9]");

    private final IdentityProperties properties;
    private final Schools schools;
    private final TransactionSchool transactionSchool;
    private final Accounts accounts;
    private final BackendTokens tokens;
    private final SignInAudit audit;

    SchoolSignUp(IdentityProperties properties, Schools schools, TransactionSchool transactionSchool,
                 Accounts accounts, BackendTokens tokens, SignInAudit audit) {
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

    record Answer(String slug, String backendJwt, String tokenType, long expiresIn, String role) {
    }

    @Transactional
    Answer signUp(Request request) {
        if (!properties.schoolSignup()) {
            throw new SchoolSignUpClosed();
        }
        String slug = request.slug().trim().toLowerCase(Locale.ROOT);
        validate(request, slug);
        SchoolSummary school = schools.create(new NewSchool(slug, request.schoolName().trim(), request.timeZone(),
                request.currency().toUpperCase(Locale.ROOT)));
        transactionSchool.actFor(school.id());
        schools.addAdmins(school.id(), List.of(request.adminEmail()));
        String account = accounts.register(school.id(), request.adminEmail(), request.adminPassword()).toString();
        Caller admin = new Caller(account, request.adminEmail(), Role.ADMIN, slug);
        audit.signedUp(school.id(), admin);
        TokenAnswer token = tokens.issue(admin);
        return new Answer(slug, token.backendJwt(), token.tokenType(), token.expiresIn(), token.role());
    }

    private static void validate(Request request, String slug) {
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidField("slug", "must be 3 to 40 lowercase letters, digits or hyphens, "
                    + "not starting or ending with a hyphen");
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

package academy.cedarheights.identity;

import java.util.Map;
import java.util.UUID;

import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.security.Caller;
import org.springframework.stereotype.Component;

/** Sign-ins and refused sign-ins, in the audit log. Never the password or the token. */
@Component
class SignInAudit {

    private final AuditTrail audit;

    SignInAudit(AuditTrail audit) {
        this.audit = audit;
    }

    void signedIn(UUID schoolId, Caller caller, String method) {
        audit.record(schoolId, caller.email(), "sign_in", "identity", caller.subject(),
                Map.of("method", method, "role", caller.role().claim()));
    }

    void signedUp(UUID schoolId, Caller caller) {
        audit.record(schoolId, caller.email(), "sign_up", "identity", caller.subject(),
                Map.of("method", "password", "role", caller.role().claim()));
    }

    void signedOutEverywhere(UUID schoolId, Caller caller) {
        audit.record(schoolId, caller.email(), "signed_out_everywhere", "identity", caller.subject(), Map.of());
    }

    void refused(UUID schoolId, String who, String method, String reason) {
        audit.recordSeparately(schoolId, who, "sign_in_failed", "identity", null,
                Map.of("method", method, "reason", reason));
    }
}

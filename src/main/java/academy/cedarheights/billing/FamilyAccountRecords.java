package academy.cedarheights.billing;

import java.util.UUID;

import academy.cedarheights.families.FamilyRecords;
import org.springframework.stereotype.Component;

/** The family's account in its data export: every charge, payment, refund and credit, and the balance. */
@Component
class FamilyAccountRecords implements FamilyRecords {

    private final Ledger ledger;

    FamilyAccountRecords(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public String section() {
        return "account";
    }

    @Override
    public Object collect(UUID schoolId, UUID payeeId, String payeeEmail) {
        return ledger.account(schoolId, payeeId);
    }
}

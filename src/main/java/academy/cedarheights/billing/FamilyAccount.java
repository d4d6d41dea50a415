package academy.cedarheights.billing;

import java.util.List;

import academy.cedarheights.platform.Money;

/**
 * A family's money with the school: every entry, newest first, and the balance — their sum, leaving out failed and
 * void ones; positive means the family owes.
 */
public record FamilyAccount(Money balance, List<LedgerEntry> entries) {
}

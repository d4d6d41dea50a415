package academy.cedarheights.billing;

import java.time.Period;

import academy.cedarheights.platform.privacy.PrivacyProperties;
import academy.cedarheights.platform.privacy.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An erased family's financial records — what erasure keeps — go once the law no longer asks for them: counted from
 * the erasure, {@link PrivacyProperties#financialRetentionYears()}.
 */
@Configuration(proxyBeanMethods = false)
class FinancialRetention {

    @Bean
    RetentionRule erasedFamiliesAccounts(JdbcClient jdbc, PrivacyProperties privacy) {
        return RetentionRule.of("An erased family's charges, payments, refunds and credits (kept under a pseudonym)",
                Period.ofYears(privacy.financialRetentionYears()), "Tax law and the school's accounts need every amount explained for that long; "
                        + "nothing else of the family is kept.",
                (school, cutoff) -> jdbc.sql("""
                                delete from ledger_entries
                                 where school_id = :school and payee_id in (select payee_id from erased_payees
                                                                             where school_id = :school and erased_at < :cutoff)""")
                        .param("school", school).param("cutoff", cutoff).update()
                        + jdbc.sql("""
                                delete from payments
                                 where school_id = :school and payee_id in (select payee_id from erased_payees
                                                                             where school_id = :school and erased_at < :cutoff)""")
                        .param("school", school).param("cutoff", cutoff).update());
    }
}

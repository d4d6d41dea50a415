package academy.cedarheights.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every school's row is keyed by its school first, and every reference between two schools' tables carries the
 * school: a row cannot point at another school's row, and the schema stays ready to be distributed by
 * {@code school_id} (Citus co-locates a table's rows by its distribution column, which must be in every key).
 */
@IntegrationTest
class SchoolKeysTest {

    @Autowired DatabaseOwner owner;

    @Test
    void everySchoolsTableIsKeyedByItsSchoolFirstSaveTheDeploymentsOwn() {
        assertThat(owner.jdbc().sql("""
                        select t.relname from pg_class t join pg_namespace n on n.oid = t.relnamespace
                         where n.nspname = 'public' and t.relkind = 'r'
                           and exists (select 1 from pg_attribute a
                                        where a.attrelid = t.oid and a.attname = 'school_id' and not a.attisdropped)
                           and not exists (select 1 from pg_constraint p
                                             join pg_attribute a on a.attrelid = p.conrelid and a.attnum = p.conkey[1]
                                            where p.conrelid = t.oid and p.contype = 'p' and a.attname = 'school_id')
                         order by 1""").query(String.class).list())
                .as("tables with a school whose primary key does not begin with it: the deployment's own, by design")
                .containsExactlyInAnyOrder("dead_letters", "stripe_customers", "stripe_events");
    }

    @Test
    void everyReferenceBetweenSchoolsTablesCarriesTheSchool() {
        // a reference to one of the deployment's own tables (a payment to the Stripe event that recorded it) is not one
        assertThat(owner.jdbc().sql("""
                        select c.conrelid::regclass || ' ' || c.conname from pg_constraint c
                         where c.contype = 'f' and c.connamespace = 'public'::regnamespace
                           and exists (select 1 from pg_attribute a where a.attrelid = c.conrelid and a.attname = 'school_id')
                           -- the referenced table is a school's: its primary key begins with school_id
                           and exists (select 1 from pg_constraint p
                                         join pg_attribute a on a.attrelid = p.conrelid and a.attnum = p.conkey[1]
                                        where p.conrelid = c.confrelid and p.contype = 'p' and a.attname = 'school_id')
                           and not exists (
                               select 1 from unnest(c.conkey, c.confkey) as k(source, target)
                                 join pg_attribute s on s.attrelid = c.conrelid and s.attnum = k.source
                                 join pg_attribute d on d.attrelid = c.confrelid and d.attnum = k.target
                                where s.attname = 'school_id' and d.attname = 'school_id')
                         order by 1""").query(String.class).list())
                .as("foreign keys between two schools' tables that leave the school out").isEmpty();
    }
}

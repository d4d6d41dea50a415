package academy.cedarheights.operations.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;

/** Which entries of the audit log: whose, and between which of the school's days (both included). */
record AuditFilter(String actor, LocalDate from, LocalDate to) {

    AuditFilter {
        actor = actor == null || actor.isBlank() ? null : actor.trim();
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidField("to", "must not be before from");
        }
    }

    Page<AuditTrail.Record> page(AuditTrail audit, UUID school, ZoneId zone, PageQuery query) {
        Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        return audit.page(school, actor, start, end, query);
    }
}

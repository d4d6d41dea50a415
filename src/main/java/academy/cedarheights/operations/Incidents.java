package academy.cedarheights.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.NoSuchRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The school's register of privacy incidents: recorded, completed as it learns more (audited), never deleted. */
@Service
@Transactional
public class Incidents {

    private static final String KIND = "incident";
    private static final String SELECT = """
            select id, what_happened, happened_on, found_on, data_affected, families_affected, significant_harm,
                   notifications_made, recorded_by, recorded_at, updated_at
              from incidents""";
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Incidents(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Newest found first. */
    @Transactional(readOnly = true)
    public List<Incident> list(UUID school) {
        return jdbc.sql(SELECT + " where school_id = :school order by found_on desc, recorded_at desc")
                .param("school", school).query(Incident.class).list();
    }

    @Transactional(readOnly = true)
    public Incident get(UUID school, UUID id) {
        return jdbc.sql(SELECT + " where school_id = :school and id = :id").param("school", school).param("id", id)
                .query(Incident.class).optional().orElseThrow(() -> new NoSuchRecord(KIND, id));
    }

    public Incident record(UUID school, String actor, IncidentRequest request) {
        check(request);
        UUID id = jdbc.sql("""
                        insert into incidents (school_id, what_happened, happened_on, found_on, data_affected,
                                               families_affected, significant_harm, notifications_made, recorded_by)
                        values (:school, :what, :happened, :found, :data, :families, :harm, :told, :actor)
                        returning id""")
                .param("school", school).param("what", request.whatHappened().strip())
                .param("happened", request.happenedOn()).param("found", request.foundOn())
                .param("data", request.dataAffected().strip()).param("families", request.familiesAffected())
                .param("harm", request.significantHarm()).param("told", told(request)).param("actor", actor)
                .query(UUID.class).single();
        Incident recorded = get(school, id);
        audit.created(school, actor, KIND, id, recorded);
        return recorded;
    }

    public Incident complete(UUID school, String actor, UUID id, IncidentRequest request) {
        Incident before = get(school, id);
        check(request);
        jdbc.sql("""
                        update incidents set what_happened = :what, happened_on = :happened, found_on = :found,
                               data_affected = :data, families_affected = :families, significant_harm = :harm,
                               notifications_made = :told, updated_at = now()
                         where school_id = :school and id = :id""")
                .param("school", school).param("id", id).param("what", request.whatHappened().strip())
                .param("happened", request.happenedOn()).param("found", request.foundOn())
                .param("data", request.dataAffected().strip()).param("families", request.familiesAffected())
                .param("harm", request.significantHarm()).param("told", told(request)).update();
        Incident after = get(school, id);
        audit.updated(school, actor, KIND, id, before, after);
        return after;
    }

    private void check(IncidentRequest request) {
        LocalDate today = LocalDate.now(clock);
        if (request.foundOn().isAfter(today.plusDays(1))) {
            throw new InvalidField("found_on", "must not be in the future");
        }
        if (request.happenedOn() != null && request.happenedOn().isAfter(request.foundOn())) {
            throw new InvalidField("happened_on", "must be on or before the day it was found");
        }
    }

    private static String told(IncidentRequest request) {
        return request.notificationsMade() == null ? "" : request.notificationsMade().strip();
    }
}

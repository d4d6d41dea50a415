package academy.cedarheights.platform.jobs;

import org.slf4j.MDC;

/**
 * Every line logged for a job — by the job itself, or about its failure — says which job, which instance (often the
 * enrollment) and which school it works for. Opened around the work and closed after it.
 */
final class JobLogContext implements AutoCloseable {

    private JobLogContext() {
    }

    static JobLogContext of(String name, String instance, Object payload) {
        MDC.put("job", name);
        MDC.put("job_instance", instance);
        if (payload instanceof SchoolScoped scoped && scoped.schoolId() != null) {
            MDC.put("school_id", scoped.schoolId().toString());
        }
        return new JobLogContext();
    }

    @Override
    public void close() {
        MDC.remove("job");
        MDC.remove("job_instance");
        MDC.remove("school_id");
    }
}

package academy.cedarheights.billing;

import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.platform.jobs.DeadLetterSchools;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** A webhook's processing that gave up is the business of the school the event names, once it can be told. */
@Component
class StripeEventSchools implements DeadLetterSchools {

    private final ObjectProvider<StripeEvents> events;

    StripeEventSchools(ObjectProvider<StripeEvents> events) {
        this.events = events;
    }

    @Override
    public Optional<UUID> schoolOf(String taskName, Object payload) {
        return payload instanceof StripeEventJob job ? events.getObject().schoolOfEvent(job.eventId()) : Optional.empty();
    }
}

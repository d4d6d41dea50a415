package academy.cedarheights.operations;

import java.util.UUID;

import academy.cedarheights.lessons.SchoolClosures;
import academy.cedarheights.schools.Closure;
import academy.cedarheights.schools.ClosureRequest;
import academy.cedarheights.schools.Semesters;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Closing the school for some days: the lessons of those days are cancelled by the school (with the credits the
 * make-up rule grants) and the closure is saved, in one transaction. The preview does exactly that and rolls it back,
 * so what it says ("cancels 37 lessons of 30 families; 12 credits granted") is what saving does.
 */
@Service
public class ClosingDays {

    private final Semesters semesters;
    private final SchoolClosures closures;

    ClosingDays(Semesters semesters, SchoolClosures closures) {
        this.semesters = semesters;
        this.closures = closures;
    }

    /** The closure saved (its fields; none for a preview) and what it did to the lessons of its days. */
    public record Outcome(boolean preview, @JsonUnwrapped Closure closure, SchoolClosures.Effect effect) {
    }

    @Transactional
    public Outcome close(UUID school, String actor, UUID semester, ClosureRequest request, boolean preview) {
        semesters.checkClosure(school, semester, request);
        SchoolClosures.Effect effect = closures.close(school, actor, request.startDate(), request.endDate(),
                request.reason());
        Closure closure = semesters.addClosure(school, actor, semester, request);
        if (preview) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new Outcome(true, null, effect);
        }
        return new Outcome(false, closure, effect);
    }
}

package academy.cedarheights.lessons;

import java.time.Duration;

import academy.cedarheights.platform.jobs.JobDefinitions;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LessonJobs {

    @Bean
    RecurringTask<Void> lessonRemindersTask(JobDefinitions jobs, LessonReminders reminders, ReminderProperties properties) {
        return jobs.recurring("lesson-reminders", properties.every(), reminders::remindAll);
    }

    /** Credits expire at their semester's end and booked make-ups become used once their day is over. */
    @Bean
    RecurringTask<Void> expireMakeUpsTask(JobDefinitions jobs, MakeUpCredits credits,
                                          @Value("${app.makeups.expiry-check:1h}") Duration every) {
        return jobs.recurring("expire-makeups", every, credits::expireAll);
    }
}

package academy.cedarheights.lessons;

import academy.cedarheights.platform.jobs.JobDefinitions;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LessonJobs {

    @Bean
    RecurringTask<Void> lessonRemindersTask(JobDefinitions jobs, LessonReminders reminders, ReminderProperties properties) {
        return jobs.recurring("lesson-reminders", properties.every(), reminders::remindAll);
    }
}

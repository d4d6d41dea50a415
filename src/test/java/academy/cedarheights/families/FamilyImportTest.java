package academy.cedarheights.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A school moving in from a spreadsheet: another system's headers are understood, every bad line is named with its
 * column and changes nothing, a dry run reports exactly what the import then does, and importing twice changes
 * nothing the second time. The families it brings find their children when they sign up.
 */
@IntegrationTest
class FamilyImportTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Vancouver"));
    static final String NINE = TODAY.minusYears(9).toString();

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    TestSchool school;
    Session admin;

    @BeforeEach
    void aSchoolTeachingPianoAndViolin() {
        school = schools.create();
        admin = school.admin(api);
        school.instrument("Piano");
        school.instrument("Violin");
    }

    String file() {
        return "\uFEFFParent,Email,Phone,Student,Date of Birth,Instrument,Notes from the old system\r\n"
                + "\"Doe, Pat\",pat@families.test,+1 604 555 0142,Zed Doe," + NINE + ",piano,likes Bach\r\n"
                + "\"Doe, Pat\",PAT@families.test,,Amy Doe," + NINE + ",Violin,\r\n"
                + "Lee Kim,lee@families.test,,,,,no children yet\r\n"
                + "No Email,not-an-email,,Kid,,piano,\r\n"
                + "Ray Ray,ray@families.test,call me,Baby Ray," + TODAY.minusYears(2) + ",piano,\r\n"
                + "Sam Sun,sam@families.test,,Sky Sun,14/03/2017,tuba,\r\n"
                + "Ann Ash,ann@families.test,,," + NINE + ",,\r\n";
    }

    @Test
    void aDryRunReportsWhatTheImportThenDoesAndASecondImportChangesNothing() {
        long familiesBefore = count("payees");

        JsonNode dry = importing(file(), true);

        assertThat(List.of(dry.path("created").asInt(), dry.path("updated").asInt(), dry.path("unchanged").asInt()))
                .as("Pat and Zed, Amy (Pat already created), Lee").containsExactly(4, 0, 1);
        assertThat(rejections(dry)).containsExactly(
                "5 parent_email must be a well-formed email address",
                "5 birth_date must be a date such as 2017-03-14",
                "6 parent_phone must be a phone number such as +1 604 555 0142",
                "7 birth_date must be a date such as 2017-03-14",
                "7 instrument must be one of the school's instruments: piano, violin",
                "8 child_name must not be blank when a birth date or instrument is given");
        assertThat(count("payees")).as("a dry run writes nothing").isEqualTo(familiesBefore);

        JsonNode imported = importing(file(), false);

        assertThat(imported.path("dry_run").asBoolean()).isFalse();
        assertThat(List.of(imported.path("created").asInt(), imported.path("updated").asInt(),
                imported.path("unchanged").asInt())).containsExactly(4, 0, 1);
        assertThat(rejections(imported)).isEqualTo(rejections(dry));
        assertThat(owner.jdbc().sql("""
                        select p.name || ' ' || p.email || ' ' || coalesce(p.phone, '-') || ': '
                               || coalesce(string_agg(s.name || ' ' || i.name, ', ' order by s.name), '')
                          from payees p left join students s on s.school_id = p.school_id and s.payee_id = p.id
                          left join instruments i on i.school_id = s.school_id and i.id = s.instrument_id
                         where p.school_id = :s and p.email like '%@families.test' group by p.school_id, p.id order by p.name""")
                .param("s", school.id()).query(String.class).list())
                .as("a refused line changes nothing: neither Ray's family nor Sam's")
                .containsExactly("Doe, Pat pat@families.test +1 604 555 0142: Amy Doe Violin, Zed Doe Piano",
                        "Lee Kim lee@families.test -: ");
        assertThat(owner.jdbc().sql("select count(*) from audit_log where school_id = :s and action = 'families.imported'")
                .param("s", school.id()).query(Long.class).single()).isEqualTo(1);

        JsonNode again = importing(file(), false);
        assertThat(List.of(again.path("created").asInt(), again.path("updated").asInt(), again.path("unchanged").asInt()))
                .as("the same file again").containsExactly(0, 0, 5);

        JsonNode changed = importing(file().replace("+1 604 555 0142", "+1 604 555 0199").replace("Amy Doe," + NINE
                + ",Violin", "amy doe," + NINE + ",Piano"), false);
        assertThat(List.of(changed.path("created").asInt(), changed.path("updated").asInt()))
                .as("Pat's phone, Amy's instrument").containsExactly(0, 2);
    }

    @Test
    void anImportedFamilyFindsItsChildrenWhenItSignsUp() {
        importing("parent_name,parent_email,parent_phone,child_name,birth_date,instrument\n"
                + "Pat Doe,pat@" + school.slug() + ".test,,Zed Doe," + NINE + ",Piano\n", false);

        String pat = "pat@" + school.slug() + ".test";
        school.signUpUnverified(api, pat);
        String token = Mailbox.latest(pat, school.slug(), "/verify-email").link("/verify-email?token=")
                .replaceFirst(".*token=", "");
        assertThat(api.post("/api/v1/auth/verify-email", "{\"token\": \"%s\"}".formatted(token),
                "Content-Type", "application/json", "X-School", school.slug()).status()).isEqualTo(200);
        Session parent = api.as(school.login(api, pat));

        assertThat(parent.get("/api/v1/parent/students").texts("name")).as("once the address is proven")
                .containsExactly("Zed Doe");
    }

    @Test
    void aFileThatIsNotOursIsRefusedWholeNamingIt() {
        Answer noEmail = post("parent_name,child\nPat,Zed\n", false);
        assertThat(noEmail.status()).isEqualTo(400);
        assertThat(noEmail.errorFields()).containsExactly("file");
        assertThat(noEmail.body()).contains("parent_email");
        assertThat(post("parent_name,parent_email\n\"Pat,pat@x.test\n", false).errorFields()).containsExactly("file");
        StringBuilder huge = new StringBuilder("parent_name,parent_email\n");
        for (int line = 0; line < 5_001; line++) {
            huge.append("P").append(line).append(",p").append(line).append("@x.test\n");
        }
        Answer tooLong = post(huge.toString(), true);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 5000 lines");
        assertThat(post("x".repeat(1_100_000), true).status()).isEqualTo(413);
        assertThat(count("payees")).isEqualTo(1);

        Session parent = api.as(school.signUp(api, "pat@" + school.slug() + ".test"));
        assertThat(api.post("/api/v1/admin/import/families", "parent_name,parent_email\nA,a@x.test\n",
                "Authorization", "Bearer " + parent.token(), "Content-Type", "text/csv").status()).isEqualTo(403);
    }

    private JsonNode importing(String csv, boolean dryRun) {
        Answer answer = post(csv, dryRun);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private Answer post(String csv, boolean dryRun) {
        return api.post("/api/v1/admin/import/families?dry_run=" + dryRun, csv, "Authorization", "Bearer " + admin.token(),
                "Content-Type", "text/csv");
    }

    private static List<String> rejections(JsonNode result) {
        return result.path("rejected").valueStream().map(line -> line.path("line").asInt() + " "
                + line.path("field").asString() + " " + line.path("message").asString()).toList();
    }

    private long count(String table) {
        return owner.jdbc().sql("select count(*) from " + table + " where school_id = :s").param("s", school.id())
                .query(Long.class).single();
    }
}

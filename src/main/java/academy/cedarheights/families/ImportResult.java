package academy.cedarheights.families;

import java.util.List;

/**
 * What an import did (or, as a dry run, would do): families and children created and updated, those already as the
 * file has them, and every refused line with the column at fault. A refused line changes nothing.
 */
public record ImportResult(boolean dryRun, int created, int updated, int unchanged, List<Rejected> rejected) {

    public record Rejected(int line, String field, String message) {
    }
}

package org.haigui.ties;

import java.time.LocalDate;
import java.util.List;

/**
 * One enterprise's initial core team as of a date, each member's overseas episodes, and each tie
 * with its institution and overlap: what an analyst reads to see why a team counts as tied.
 *
 * @param dissolvedDate the dissolution as known at the as-of date (null when none or later)
 * @param returneeFounded at least one founder is a returnee as of the as-of date
 * @param activeInYear active in the as-of date's year (the team indicators count only such
 *     returnee-founded enterprises)
 * @param notInTeam persons listed for the enterprise who are not in its initial core team, each
 *     with the reason
 * @param ties one row per pair of episodes that ties two members (each pair once)
 */
public record TeamReport(String enterpriseId, String name, LocalDate foundedDate, LocalDate dissolvedDate, LocalDate asOf,
                         boolean returneeFounded, boolean activeInYear, List<Member> members, List<String> notInTeam,
                         List<Tie> ties) {

    /** A member of the initial core team. {@code joinedDate} null: joined at founding. */
    public record Member(String personId, String role, LocalDate joinedDate, boolean returnee, boolean schoolmate,
                         boolean colleague, List<Episode> episodes) {

        /** Schoolmate or colleague of at least one other member. */
        public boolean tied() {
            return schoolmate || colleague;
        }
    }

    /**
     * An overseas episode that started by the as-of date. {@code endDate} null: still abroad (for
     * ties it lasts through the as-of date). {@code registryId}/{@code registryName}: the registry
     * institution its name resolved to (null when the registry does not know the name).
     */
    public record Episode(String episodeId, String kind, String institution, String institutionId, String registryId,
                          String registryName, String country, LocalDate startDate, LocalDate endDate) {
    }

    /**
     * A tie: two members' episodes of the same kind class at the same institution whose intervals
     * share {@code overlapDays} days, from {@code overlapStart} to {@code overlapEnd}.
     *
     * @param kind {@code schoolmate} or {@code colleague}
     * @param matchedBy why the institutions are the same: {@code institution_id}, {@code same name
     *     after normalisation}, or {@code registry alias}
     */
    public record Tie(String kind, String personA, String episodeA, String institutionA, String personB, String episodeB,
                      String institutionB, String matchedBy, LocalDate overlapStart, LocalDate overlapEnd, long overlapDays) {
    }
}

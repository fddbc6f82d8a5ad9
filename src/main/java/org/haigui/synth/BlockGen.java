package org.haigui.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates one block of {@value #BLOCK} persons: their own records from per-person streams
 * (seed, person index), then, from the block's stream (seed, block index), the firms they found
 * with their teams, the firms' yearly figures, support and survey answers.
 *
 * <p>This class holds the block's constants, the person model and the order of the work; the
 * sections are {@link PersonGen} (persons), {@link FirmGen} (firms) and {@link Formats}
 * (identifiers and formats).
 */
final class BlockGen {

    /** Persons per block. */
    static final int BLOCK = 100;
    /** Records end here: nothing is dated later. */
    static final LocalDate HORIZON = LocalDate.of(2021, 12, 31);
    static final int LAST_YEAR = 2021;

    // person categories
    static final int ARRIVER = 0;   // returned from abroad and registered an arrival in the city
    static final int STAYER = 1;    // registered in the city before going abroad, never registered leaving
    static final int NONRET = 2;    // never abroad long enough to be a returnee
    static final int ABROAD = 3;    // abroad now (an episode without end date)
    static final int NOMOVE = 4;    // a returnee with no city move on record

    // roles in a firm
    static final int NONE = 0;
    static final int LEADER = 1;
    static final int COFOUNDER = 2;
    static final int CORE = 3;

    /** One overseas episode; dates are effective (already cut to the precision written). */
    static final class Ep {
        String kind;
        Ref.Institution inst;
        String text;
        String country;
        LocalDate start;
        int startPrec;
        LocalDate end; // null = still abroad
        int endPrec;
        String degree;
    }

    static final class Mv {
        final LocalDate date;
        final boolean arrive;
        final String district;

        Mv(LocalDate date, boolean arrive, String district) {
            this.date = date;
            this.arrive = arrive;
            this.district = district;
        }
    }

    /** A person while the block is built. */
    static final class P {
        long index;
        String id;
        Rng r;
        int cat;
        char gender;
        LocalDate birth;
        LocalDate ret;      // ARRIVER/NOMOVE: return arrival; STAYER: last episode end; NONRET: arrival
        int role = NONE;
        boolean tieTarget;  // a team member whose overseas episode is shared with the leader
        Ep shared;          // the leader's episode this member shares
        P tiedTo;
        boolean schoolmate;
        final List<Ep> eps = new ArrayList<>();
        final List<Mv> moves = new ArrayList<>();
        String degree;
        String field;
        boolean worked;
        LocalDate returneeSince;
        LocalDate inCity;   // when the person could first act in the city (returned, or arrived)
        String firmId;      // first firm, for the survey
    }

    private final long seed;
    private final Block out;
    private final List<P> persons = new ArrayList<>();
    private final Rng br;
    private final PersonGen people;
    private final FirmGen firms;

    private BlockGen(long seed, long blockIndex) {
        this.seed = seed;
        this.out = new Block(blockIndex);
        this.br = new Rng(seed, blockIndex, 0x5EEDB10CL);
        this.people = new PersonGen(seed, out);
        this.firms = new FirmGen(seed, out, persons, br);
    }

    /** Generates block {@code blockIndex} of a population of {@code total} persons. */
    static Block generate(long seed, long blockIndex, long total) {
        BlockGen g = new BlockGen(seed, blockIndex);
        long first = blockIndex * BLOCK;
        long last = Math.min(total, first + BLOCK);
        for (long i = first; i < last; i++) {
            g.persons.add(g.people.skeleton(i));
        }
        List<FirmGen.Firm> firms = g.firms.plan();
        for (P p : g.persons) {
            if (p.role == LEADER || (p.role != NONE && !p.tieTarget)) {
                g.people.detail(p);
            }
        }
        for (P p : g.persons) {
            if (p.role == NONE) {
                g.people.detail(p);
            }
        }
        for (P p : g.persons) {
            if (p.tieTarget) {
                p.shared = PersonGen.sharedEpisode(p.tiedTo, p.schoolmate);
                g.people.detail(p);
            }
        }
        for (P p : g.persons) {
            g.people.writePerson(p);
        }
        for (FirmGen.Firm f : firms) {
            g.firms.firm(f);
        }
        return g.out;
    }
}

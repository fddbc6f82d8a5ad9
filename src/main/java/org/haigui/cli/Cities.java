package org.haigui.cli;

import org.haigui.schema.City;

/**
 * The one place the command line decides which city its imports are for. Today that is always
 * Shanghai, the only city shipped; the city blueprint will replace this class (the city then comes
 * from the blueprint, not from code), and nothing else in the code names a city.
 */
final class Cities {

    private Cities() {}

    /** The city every command imports for until the blueprint lands: {@code City.load("shanghai")}. */
    static City defaultCity() {
        return City.load("shanghai");
    }
}

package org.haigui.synth;

import java.util.SplittableRandom;

/** A small deterministic random stream with the draws the generator needs. Not thread-safe. */
final class Rng {

    private final SplittableRandom r;

    Rng(long seed, long stream, long salt) {
        this.r = new SplittableRandom(mix(mix(seed ^ 0x9E3779B97F4A7C15L) + stream * 0xBF58476D1CE4E5B9L + salt));
    }

    /** SplitMix64 finaliser: spreads nearby seeds over unrelated streams. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    double u() {
        return r.nextDouble();
    }

    boolean p(double probability) {
        return r.nextDouble() < probability;
    }

    /** Uniform in [lo, hi] inclusive. */
    int between(int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    int below(int n) {
        return r.nextInt(n);
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    double normal() {
        // Box-Muller; one value per call keeps the stream simple to reason about
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    double normal(double mean, double sd) {
        return mean + sd * normal();
    }

    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * normal());
    }

    int poisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 30) {
            return Math.max(0, (int) Math.round(normal(lambda, Math.sqrt(lambda))));
        }
        double l = Math.exp(-lambda);
        int k = 0;
        double prod = r.nextDouble();
        while (prod > l) {
            k++;
            prod *= r.nextDouble();
        }
        return k;
    }

    /** Index drawn with the given (unnormalised) weights. */
    int weighted(double[] cumulative) {
        double x = r.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    <T> T pick(T[] values) {
        return values[r.nextInt(values.length)];
    }

    <T> T pick(java.util.List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    static double[] cumulative(double... weights) {
        double[] c = new double[weights.length];
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i];
            c[i] = s;
        }
        return c;
    }
}

package io.keyrail.rotation.load;

import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A histogram the service publishes on {@code /actuator/prometheus} (a Micrometer timer with its
 * percentile histogram): the cumulative count per bucket bound, in seconds. Two snapshots, taken as
 * the measured window begins and ends, give the service's own view of exactly that window
 * ({@link #minus}), beside the driver's: when both show the same tail, the time is spent inside the
 * service (queue, batch, commit), not on the way to it or in the driver.
 */
record ServiceHistogram(NavigableMap<Double, Long> cumulative) {

    private static final Pattern BOUND = Pattern.compile("le=\"([^\"]+)\"");

    ServiceHistogram {
        cumulative = new TreeMap<>(cumulative);
    }

    /**
     * The buckets of {@code metric} in a Prometheus text exposition, summed over every series whose
     * labels contain each of {@code labels} (for example {@code mode="003"}); empty when it has none.
     */
    static ServiceHistogram parse(String exposition, String metric, String... labels) {
        NavigableMap<Double, Long> counts = new TreeMap<>();
        String prefix = metric + "_bucket{";
        exposition.lines().filter(l -> l.startsWith(prefix)).forEach(line -> {
            int close = line.lastIndexOf('}');
            String series = line.substring(prefix.length(), close);
            for (String label : labels) {
                if (!series.contains(label)) {
                    return;
                }
            }
            Matcher bound = BOUND.matcher(series);
            if (!bound.find()) {
                return;
            }
            double le = bound.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound.group(1));
            long count = (long) Double.parseDouble(line.substring(close + 1).trim());
            counts.merge(le, count, Long::sum);
        });
        return new ServiceHistogram(counts);
    }

    /** What was counted after {@code earlier}, bucket by bucket. */
    ServiceHistogram minus(ServiceHistogram earlier) {
        NavigableMap<Double, Long> counts = new TreeMap<>();
        cumulative.forEach((le, n) -> counts.put(le, n - earlier.cumulative.getOrDefault(le, 0L)));
        return new ServiceHistogram(counts);
    }

    /** How many were counted (the +Inf bucket). */
    long count() {
        return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    }

    /**
     * The upper bound, in milliseconds, of the bucket that holds {@code percentile} (0-100): the
     * value is at most this. {@code NaN} when nothing was counted.
     */
    double atMostMillis(double percentile) {
        long total = count();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = percentile / 100 * total;
        for (Map.Entry<Double, Long> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** {@code count N, p50 <= x ms, ...} for the printed summary. */
    String summary() {
        if (count() == 0) {
            return "none counted";
        }
        return String.format(Locale.ROOT, "%d counted; p50 <= %.1f ms  p90 <= %.1f ms  p99 <= %.1f ms  p99.9 <= %.1f ms",
                count(), atMostMillis(50), atMostMillis(90), atMostMillis(99), atMostMillis(99.9));
    }
}

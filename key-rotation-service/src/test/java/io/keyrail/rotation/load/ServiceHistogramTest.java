package io.keyrail.rotation.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The service's own histogram as the load driver reads it from two Prometheus scrapes. */
class ServiceHistogramTest {

    private static final String METRIC = "keyrail_sign_in_duration_seconds";

    private static String scrape(long under1ms, long under10ms, long under100ms, long all) {
        return String.join("\n",
                "# HELP keyrail_sign_in_duration_seconds Sign-in processing time",
                "# TYPE keyrail_sign_in_duration_seconds histogram",
                METRIC + "_bucket{mode=\"003\",service=\"key-rotation\",le=\"0.001\"} " + under1ms,
                METRIC + "_bucket{mode=\"003\",service=\"key-rotation\",le=\"0.01\"} " + under10ms,
                METRIC + "_bucket{mode=\"003\",service=\"key-rotation\",le=\"0.1\"} " + under100ms,
                METRIC + "_bucket{mode=\"003\",service=\"key-rotation\",le=\"+Inf\"} " + all,
                METRIC + "_bucket{mode=\"001\",service=\"key-rotation\",le=\"0.001\"} 7",
                METRIC + "_bucket{mode=\"001\",service=\"key-rotation\",le=\"+Inf\"} 7",
                METRIC + "_count{mode=\"003\",service=\"key-rotation\"} " + all,
                "keyrail_sign_in_batch_duration_seconds_bucket{service=\"key-rotation\",le=\"0.001\"} 99999",
                "");
    }

    @Test
    void readsTheBucketsOfOneMetricAndItsLabelsOnly() {
        ServiceHistogram h = ServiceHistogram.parse(scrape(10, 20, 30, 40), METRIC, "mode=\"003\"");

        assertThat(h.count()).isEqualTo(40);
        assertThat(h.cumulative()).containsEntry(0.001, 10L).containsEntry(0.1, 30L)
                .containsEntry(Double.POSITIVE_INFINITY, 40L).hasSize(4);
        assertThat(ServiceHistogram.parse(scrape(10, 20, 30, 40), METRIC).count()).isEqualTo(47); // both modes
    }

    @Test
    void theWindowIsTheDifferenceOfTwoScrapesAndItsPercentilesAreBucketBounds() {
        ServiceHistogram start = ServiceHistogram.parse(scrape(1_000, 1_000, 1_000, 1_000), METRIC, "mode=\"003\"");
        ServiceHistogram end = ServiceHistogram.parse(scrape(1_900, 1_980, 1_999, 2_000), METRIC, "mode=\"003\"");

        ServiceHistogram window = end.minus(start);

        assertThat(window.count()).isEqualTo(1_000);
        assertThat(window.atMostMillis(50)).isEqualTo(1.0);
        assertThat(window.atMostMillis(90)).isEqualTo(1.0);
        assertThat(window.atMostMillis(95)).isEqualTo(10.0);
        assertThat(window.atMostMillis(99)).isEqualTo(100.0); // 98 % were under 10 ms
        assertThat(window.atMostMillis(99.95)).isInfinite();
        assertThat(window.summary()).startsWith("1000 counted; p50 <= 1.0 ms");
    }

    @Test
    void aScrapeWithoutTheMetricCountsNothing() {
        ServiceHistogram none = ServiceHistogram.parse("up 1\n", METRIC);

        assertThat(none.count()).isZero();
        assertThat(none.atMostMillis(99)).isNaN();
        assertThat(none.summary()).isEqualTo("none counted");
    }
}

package io.keyrail.registry.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulk registration limits ({@code keyrail.registry.bulk.*}).
 *
 * @param maxRows           rows one request may carry
 * @param batchSize         rows per JDBC batch insert
 * @param maxReportedErrors row errors reported in one answer (the counts stay exact)
 */
@ConfigurationProperties("keyrail.registry.bulk")
record BulkProperties(@DefaultValue("100000") int maxRows,
                      @DefaultValue("1000") int batchSize,
                      @DefaultValue("1000") int maxReportedErrors) {
}

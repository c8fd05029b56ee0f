package io.keyrail.registry.bulk;

import java.util.List;

/**
 * The answer to a bulk registration: rows read, registered and rejected, and the first rejected
 * rows' errors ({@code errorsTruncated} when there were more than were reported).
 */
record BulkSummary(String mode, int rows, int accepted, int rejected, List<RowError> errors, boolean errorsTruncated) {
}

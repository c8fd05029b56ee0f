package io.keyrail.registry.bulk;

/**
 * One rejected row of a bulk registration: its 1-based number among the data rows (the CSV header
 * is not counted), the terminal id when it could be read, the field (null when the row as a whole
 * is unreadable) and why.
 */
record RowError(int row, String terminalId, String field, String message) {
}

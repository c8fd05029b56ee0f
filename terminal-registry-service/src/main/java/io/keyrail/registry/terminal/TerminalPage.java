package io.keyrail.registry.terminal;

import java.util.List;

/** One page of a terminal search, in terminal id order. */
public record TerminalPage(List<Terminal> items, int page, int size, long totalElements, int totalPages) {
}

package io.keyrail.registry.bulk;

import io.keyrail.registry.RegistryProblem;
import io.keyrail.registry.outbox.BulkOutbox;
import io.keyrail.registry.profile.AcquirerProfile;
import io.keyrail.registry.profile.AcquirerProfiles;
import io.keyrail.registry.terminal.FieldError;
import io.keyrail.registry.terminal.NewTerminal;
import io.keyrail.registry.terminal.TerminalRepository;
import io.keyrail.registry.terminal.TerminalRules;
import io.keyrail.registry.terminal.Terminals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers terminals from a stream of rows without holding the rows in memory: each row is checked
 * as it is read, valid rows go to the database in JDBC batches, duplicates (in the database or
 * earlier in the same request) are rejected by terminal id.
 *
 * <p>{@link BulkMode#ALL_OR_NOTHING} runs in one transaction: after the first bad row nothing more
 * is inserted, the rest is only checked (so every error is reported), and the transaction is rolled
 * back, with its outbox entries: nothing is written, nothing published. {@link BulkMode#VALID_ONLY}
 * commits each batch on its own.
 */
@Service
class BulkRegistration {

    private final Terminals terminals;
    private final TerminalRepository repository;
    private final AcquirerProfiles profiles;
    private final TransactionTemplate transactions;
    private final BulkProperties properties;
    private final BulkOutbox outbox;

    BulkRegistration(Terminals terminals, TerminalRepository repository, AcquirerProfiles profiles,
                     PlatformTransactionManager transactionManager, BulkProperties properties, BulkOutbox outbox) {
        this.terminals = terminals;
        this.outbox = outbox;
        this.repository = repository;
        this.profiles = profiles;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    /** Registers the rows {@code open} reads; a body that cannot be read at all is a 400 in either mode. */
    BulkSummary register(Supplier<TerminalRows> open, BulkMode mode) {
        Run run = new Run(mode, profiles.snapshot());
        if (mode == BulkMode.ALL_OR_NOTHING) {
            transactions.executeWithoutResult(tx -> {
                run.readAll(open);
                if (run.rejected > 0) {
                    tx.setRollbackOnly();
                }
            });
            if (run.rejected > 0) {
                throw run.problem();
            }
            outbox.handOff(run.publications);
        } else {
            try {
                run.readAll(open);
            } finally {
                outbox.handOff(run.publications);
            }
            if (run.rows == 0 && run.rejected > 0) {
                throw run.problem();
            }
        }
        return run.summary();
    }

    /** The state of one request: counts, reported errors, ids seen, the batch being filled. */
    private final class Run {

        private final BulkMode mode;
        private final Map<String, AcquirerProfile> profileSnapshot;
        private final Set<String> seen = new HashSet<>();
        private final List<NewTerminal> batch = new ArrayList<>();
        private final List<Integer> batchRows = new ArrayList<>();
        private final List<RowError> errors = new ArrayList<>();
        private final List<UUID> publications = new ArrayList<>();
        private int rows;
        private int accepted;
        private int rejected;
        private int invalid;
        private boolean truncated;

        Run(BulkMode mode, Map<String, AcquirerProfile> profileSnapshot) {
            this.mode = mode;
            this.profileSnapshot = profileSnapshot;
        }

        void readAll(Supplier<TerminalRows> open) {
            try (TerminalRows source = open.get()) {
                for (TerminalRows.Row row = source.next(); row != null; row = source.next()) {
                    if (row.number() > properties.maxRows()) {
                        reject(row.number(), null, null, "a request takes at most " + properties.maxRows()
                                + " rows; this row and the rest were not read", true);
                        break;
                    }
                    rows = row.number();
                    accept(row);
                    if (batch.size() >= properties.batchSize()) {
                        flush();
                    }
                }
            } catch (TerminalRows.UnreadableBody e) {
                reject(e.row(), null, null, e.getMessage(), true);
            }
            flush();
        }

        private void accept(TerminalRows.Row row) {
            switch (row) {
                case TerminalRows.Row.Unreadable u -> reject(u.number(), null, null, u.message(), true);
                case TerminalRows.Row.Parsed p -> {
                    if (!p.shapeErrors().isEmpty()) {
                        rejectAll(p.number(), p.input().terminalId(), p.shapeErrors());
                        return;
                    }
                    switch (TerminalRules.check(p.input(), id -> Optional.ofNullable(profileSnapshot.get(id)))) {
                        case TerminalRules.Checked.Invalid i -> rejectAll(p.number(), p.input().terminalId(), i.errors());
                        case TerminalRules.Checked.Valid v -> {
                            if (!seen.add(v.terminal().terminalId())) {
                                reject(p.number(), v.terminal().terminalId(), "terminalId",
                                        "appears more than once in this request", false);
                            } else {
                                batch.add(v.terminal());
                                batchRows.add(p.number());
                            }
                        }
                    }
                }
            }
        }

        /** Drops the batch's already registered ids, then inserts the rest (unless the request is lost anyway). */
        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            Set<String> existing = repository.existing(batch.stream().map(NewTerminal::terminalId).toList());
            List<NewTerminal> fresh = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                NewTerminal t = batch.get(i);
                if (existing.contains(t.terminalId())) {
                    reject(batchRows.get(i), t.terminalId(), "terminalId", "is already registered", false);
                } else {
                    fresh.add(t);
                }
            }
            batch.clear();
            batchRows.clear();
            if (fresh.isEmpty() || mode == BulkMode.ALL_OR_NOTHING && rejected > 0) {
                return;
            }
            if (mode == BulkMode.ALL_OR_NOTHING) {
                publications.addAll(terminals.registerBatch(fresh));
            } else {
                publications.addAll(transactions.execute(tx -> terminals.registerBatch(fresh)));
            }
            accepted += fresh.size();
        }

        private void rejectAll(int row, String terminalId, List<FieldError> fieldErrors) {
            rejected++;
            invalid++;
            for (FieldError f : fieldErrors) {
                report(new RowError(row, terminalId, f.field(), f.message()));
            }
        }

        private void reject(int row, String terminalId, String field, String message, boolean isInvalid) {
            rejected++;
            if (isInvalid) {
                invalid++;
            }
            report(new RowError(row, terminalId, field, message));
        }

        private void report(RowError e) {
            if (errors.size() < properties.maxReportedErrors()) {
                errors.add(e);
            } else {
                truncated = true;
            }
        }

        BulkSummary summary() {
            return new BulkSummary(mode.parameter(), rows, accepted, rejected, List.copyOf(errors), truncated);
        }

        /** All-or-nothing with bad rows: 400 when a row is invalid, 409 when they are all duplicates. */
        RegistryProblem problem() {
            List<Map<String, Object>> list = errors.stream().map(Run::asMap).toList();
            String detail = rejected + " of " + rows + " rows were rejected; nothing was registered";
            RegistryProblem p = invalid > 0
                    ? new RegistryProblem(HttpStatus.BAD_REQUEST, "invalid-terminals", "Invalid terminals", detail, list)
                    : new RegistryProblem(HttpStatus.CONFLICT, "duplicate-terminals", "Terminals already registered",
                            detail, list);
            return p;
        }

        private static Map<String, Object> asMap(RowError e) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("row", e.row());
            if (e.terminalId() != null) {
                m.put("terminalId", e.terminalId());
            }
            if (e.field() != null) {
                m.put("field", e.field());
            }
            m.put("message", e.message());
            return m;
        }
    }
}

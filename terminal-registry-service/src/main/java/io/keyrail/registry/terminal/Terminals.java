package io.keyrail.registry.terminal;

import io.keyrail.events.terminal.TerminalRegistered;
import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.events.terminal.TerminalStatusChanged;
import io.keyrail.events.terminal.TerminalUpdated;
import io.keyrail.registry.RegistryProblem;
import io.keyrail.registry.outbox.BulkOutbox;
import io.keyrail.registry.profile.AcquirerProfiles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The terminal lifecycle: registration, descriptive updates and status changes. Every change and
 * its event (published through the outbox) commit in one transaction; status changes lock the
 * terminal's row, so concurrent changes are serialized.
 *
 * <pre>
 * REGISTERED --TMK installed--> AWAITING_SIGN_IN --signed in--> ACTIVE
 * REGISTERED | AWAITING_SIGN_IN | ACTIVE --suspend--> SUSPENDED --resume--> AWAITING_SIGN_IN (or REGISTERED without a TMK)
 * any but DECOMMISSIONED --decommission--> DECOMMISSIONED (keys destroyed)
 * </pre>
 */
@Service
public class Terminals {

    /** Statuses from which a master key may be installed (again). */
    public static final Set<TerminalStatus> KEY_INSTALLABLE = EnumSet.of(TerminalStatus.REGISTERED,
            TerminalStatus.AWAITING_SIGN_IN, TerminalStatus.ACTIVE);

    private static final Set<TerminalStatus> SUSPENDABLE = KEY_INSTALLABLE;

    private final TerminalRepository repository;
    private final AcquirerProfiles profiles;
    private final TerminalKeys keys;
    private final ApplicationEventPublisher events;
    private final Counter registrations;
    private final BulkOutbox bulkOutbox;

    Terminals(TerminalRepository repository, AcquirerProfiles profiles, TerminalKeys keys,
              ApplicationEventPublisher events, MeterRegistry meters, BulkOutbox bulkOutbox) {
        this.repository = repository;
        this.bulkOutbox = bulkOutbox;
        this.profiles = profiles;
        this.keys = keys;
        this.events = events;
        this.registrations = Counter.builder("keyrail.registrations")
                .description("Terminals registered (one by one and in bulk)")
                .register(meters);
    }

    /** Registers one terminal; 400 naming each invalid field, 409 when the id is taken. */
    @Transactional
    public Terminal register(TerminalInput input) {
        NewTerminal terminal = switch (TerminalRules.check(input, profiles::find)) {
            case TerminalRules.Checked.Valid v -> v.terminal();
            case TerminalRules.Checked.Invalid i -> throw invalid(i.errors());
        };
        if (!repository.existing(List.of(terminal.terminalId())).isEmpty()) {
            throw duplicate(terminal.terminalId());
        }
        try {
            registerAll(List.of(terminal));
        } catch (DuplicateKeyException e) {
            throw duplicate(terminal.terminalId());
        }
        return get(terminal.terminalId());
    }

    /**
     * Inserts already checked, not yet registered terminals in one batch and publishes a
     * {@link TerminalRegistered} for each, in the caller's transaction; counted once it commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void registerAll(List<NewTerminal> terminals) {
        Instant now = now();
        repository.insertAll(terminals, now);
        for (NewTerminal t : terminals) {
            events.publishEvent(registered(t, now));
        }
        countAfterCommit(terminals.size());
    }

    /**
     * Bulk registration: like {@link #registerAll} but the events go to the outbox in one JDBC batch
     * ({@link BulkOutbox}); the caller hands the returned publication ids off once the transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> registerBatch(List<NewTerminal> terminals) {
        Instant now = now();
        repository.insertAll(terminals, now);
        List<UUID> publications = bulkOutbox.record(terminals.stream().map(t -> registered(t, now)).toList(), now);
        countAfterCommit(terminals.size());
        return publications;
    }

    private static TerminalRegistered registered(NewTerminal t, Instant now) {
        return new TerminalRegistered(UUID.randomUUID(), now, t.terminalId(), t.merchantId(), t.acquirerProfile(),
                t.keyScheme().name(), t.model(), t.location(), TerminalStatus.REGISTERED);
    }

    private void countAfterCommit(int count) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                registrations.increment(count);
            }
        });
    }

    public Terminal get(String terminalId) {
        return repository.find(terminalId).orElseThrow(() -> notFound(terminalId));
    }

    public TerminalPage search(TerminalStatus status, String merchantId, int page, int size) {
        return repository.search(status, merchantId, page, size);
    }

    /** Changes model and location (null leaves a field as it is). */
    @Transactional
    public Terminal update(String terminalId, String model, String location) {
        Terminal t = lock(terminalId);
        if (t.status() == TerminalStatus.DECOMMISSIONED) {
            throw state(t, "update");
        }
        String newModel = model == null ? t.model() : model.strip();
        String newLocation = location == null ? t.location() : location.strip();
        if (newModel != null && newModel.length() > TerminalRules.MAX_TEXT
                || newLocation != null && newLocation.length() > TerminalRules.MAX_TEXT) {
            throw RegistryProblem.invalid("model and location must be at most " + TerminalRules.MAX_TEXT + " characters");
        }
        Instant now = now();
        repository.updateDetails(terminalId, newModel, newLocation, now);
        events.publishEvent(new TerminalUpdated(UUID.randomUUID(), now, terminalId, t.merchantId(), newModel,
                newLocation));
        return get(terminalId);
    }

    @Transactional
    public Terminal suspend(String terminalId, String reason) {
        Terminal t = lock(terminalId);
        if (!SUSPENDABLE.contains(t.status())) {
            throw state(t, "suspend");
        }
        return changeStatus(t, TerminalStatus.SUSPENDED, reason == null || reason.isBlank() ? "SUSPENDED" : reason);
    }

    /** Back from suspension: the terminal must sign in again (or get a TMK first, when it has none). */
    @Transactional
    public Terminal resume(String terminalId) {
        Terminal t = lock(terminalId);
        if (t.status() != TerminalStatus.SUSPENDED) {
            throw state(t, "resume");
        }
        TerminalStatus next = keys.installed(terminalId) ? TerminalStatus.AWAITING_SIGN_IN : TerminalStatus.REGISTERED;
        return changeStatus(t, next, "RESUMED");
    }

    /** Retires the terminal for good and destroys its keys. */
    @Transactional
    public Terminal decommission(String terminalId) {
        Terminal t = lock(terminalId);
        if (t.status() == TerminalStatus.DECOMMISSIONED) {
            throw state(t, "decommission");
        }
        Terminal done = changeStatus(t, TerminalStatus.DECOMMISSIONED, "DECOMMISSIONED");
        keys.destroy(done, done.updatedAt());
        return done;
    }

    /** The terminal, locked, when a master key may be installed; otherwise 404 or 409. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Terminal lockForKeyInstallation(String terminalId) {
        Terminal t = lock(terminalId);
        if (!KEY_INSTALLABLE.contains(t.status())) {
            throw state(t, "install a master key on");
        }
        return t;
    }

    /** After a TMK installation: the terminal awaits its sign-in ("keys not loaded"). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Terminal masterKeyInstalled(Terminal t) {
        return t.status() == TerminalStatus.AWAITING_SIGN_IN ? t
                : changeStatus(t, TerminalStatus.AWAITING_SIGN_IN, "MASTER_KEY_INSTALLED");
    }

    /**
     * Which of the terminals await their sign-in, read without a lock in one statement: the sign-in
     * listener's cheap first look at a batch of key events, so the events of terminals already
     * ACTIVE (every later sign-in) cost a share of one read and no write or commit flush. No
     * transaction: one statement in auto-commit, one round trip.
     */
    public Set<String> awaitingSignIn(Collection<String> terminalIds) {
        return terminalIds.isEmpty() ? Set.of()
                : repository.withStatus(terminalIds, TerminalStatus.AWAITING_SIGN_IN);
    }

    /** A sign-in was issued: a terminal awaiting it becomes ACTIVE; true when its status changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean signedIn(String terminalId) {
        return repository.lock(terminalId)
                .filter(t -> t.status() == TerminalStatus.AWAITING_SIGN_IN)
                .map(t -> changeStatus(t, TerminalStatus.ACTIVE, "SIGNED_IN"))
                .isPresent();
    }

    private Terminal changeStatus(Terminal t, TerminalStatus to, String reason) {
        Instant now = now();
        repository.updateStatus(t.terminalId(), to, now);
        events.publishEvent(new TerminalStatusChanged(UUID.randomUUID(), now, t.terminalId(), t.merchantId(),
                t.status(), to, reason));
        return new Terminal(t.terminalId(), t.merchantId(), t.acquirerProfile(), t.keyScheme(), t.model(),
                t.location(), to, t.registeredAt(), now);
    }

    private Terminal lock(String terminalId) {
        return repository.lock(terminalId).orElseThrow(() -> notFound(terminalId));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static RegistryProblem notFound(String terminalId) {
        return new RegistryProblem(HttpStatus.NOT_FOUND, "terminal-not-found", "Terminal not found",
                "terminal " + terminalId + " is not registered");
    }

    static RegistryProblem duplicate(String terminalId) {
        return new RegistryProblem(HttpStatus.CONFLICT, "duplicate-terminal", "Terminal already registered",
                "terminal " + terminalId + " is already registered",
                List.of(Map.of("field", "terminalId", "message", "is already registered")));
    }

    static RegistryProblem state(Terminal t, String action) {
        return RegistryProblem.conflict("terminal-state", "Not allowed in this status",
                "cannot " + action + " terminal " + t.terminalId() + " in status " + t.status());
    }

    static RegistryProblem invalid(List<FieldError> errors) {
        return new RegistryProblem(HttpStatus.BAD_REQUEST, "invalid-terminal", "Invalid terminal",
                "the terminal has " + errors.size() + " invalid field(s)",
                errors.stream().<Map<String, Object>>map(e -> Map.of("field", e.field(), "message", e.message()))
                        .toList());
    }
}

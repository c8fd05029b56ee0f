package io.keyrail.rotation.signin;

import io.keyrail.events.EventType;
import io.keyrail.events.KeyrailEvent;
import io.keyrail.events.key.IssueCause;
import io.keyrail.events.key.KeyIssued;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.material.KeyMaterial;
import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.hsm.api.key.IssuedKeyResult;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.WorkingKeyIssuance;
import io.keyrail.rotation.keys.KeyVersions;
import io.keyrail.rotation.keys.NewKeyVersion;
import io.keyrail.rotation.projection.SignInSubject;
import io.keyrail.rotation.projection.TerminalProjection;
import io.keyrail.support.events.EventBatch;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs terminals in: issues the next version of each working key of the CUP mode under the
 * terminal's TMK, supersedes the previous versions (accepted for the overlap window), sets the
 * terminal ACTIVE, and publishes per key a public {@link KeyIssued} and an internal
 * {@link KeyMaterial}, all in one database transaction (the outbox: the events of the whole batch
 * are one {@link EventBatch} publication). The HSM sees the clear
 * keys; this class sees key blocks, cryptograms and check values only.
 *
 * <p>It signs in a batch of distinct terminals at once ({@link SignInBatcher} groups concurrent
 * requests): the terminal rows are locked for the transaction, so concurrent sign-ins of one
 * terminal issue consecutive versions, and the batch costs two statements (three when a terminal
 * becomes ACTIVE) plus one outbox row and one commit, whatever its size and modes.
 */
@Service
class SignIn {

    /** One terminal's sign-in in a batch. */
    record Attempt(String terminalId, CupSignInMode mode) {
    }

    private final TerminalProjection terminals;
    private final KeyVersions versions;
    private final WorkingKeyIssuance issuance;
    private final ApplicationEventPublisher events;
    private final RotationProperties properties;
    private final Clock clock;

    SignIn(TerminalProjection terminals, KeyVersions versions, WorkingKeyIssuance issuance,
           ApplicationEventPublisher events, RotationProperties properties, Optional<Clock> clock) {
        this.terminals = terminals;
        this.versions = versions;
        this.issuance = issuance;
        this.events = events;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Signs in each attempt (distinct terminals); the outcomes in the order of {@code attempts}. */
    @Transactional
    public List<SignInOutcome> signIn(List<Attempt> attempts) {
        Map<String, SignInSubject> found = terminals.lockForSignIn(attempts.stream().map(Attempt::terminalId).toList());
        SignInOutcome[] outcomes = new SignInOutcome[attempts.size()];
        List<Issuing> issuing = new ArrayList<>(attempts.size());
        for (int a = 0; a < attempts.size(); a++) {
            Attempt attempt = attempts.get(a);
            SignInSubject terminal = found.get(attempt.terminalId());
            SignInOutcome refused = refusal(terminal);
            if (refused != null) {
                outcomes[a] = refused;
                continue;
            }
            Optional<SignInOutcome.MasterKeyRefused> hsmRefused = issue(attempt, terminal, a, issuing);
            if (hsmRefused.isPresent()) {
                outcomes[a] = hsmRefused.get();
            }
        }
        if (!issuing.isEmpty()) {
            store(issuing, outcomes);
        }
        return List.of(outcomes);
    }

    private static SignInOutcome refusal(SignInSubject terminal) {
        if (terminal == null) {
            return new SignInOutcome.TerminalUnknown();
        }
        if (terminal.status() == TerminalStatus.SUSPENDED) {
            return new SignInOutcome.TerminalSuspended();
        }
        if (terminal.status() == TerminalStatus.DECOMMISSIONED) {
            return new SignInOutcome.TerminalDecommissioned();
        }
        if (terminal.masterKey().isEmpty()) {
            return new SignInOutcome.MasterKeyMissing();
        }
        return null;
    }

    /** Issues the keys of the attempt's mode under the terminal's TMK into {@code issuing}, or says why the HSM refused. */
    private Optional<SignInOutcome.MasterKeyRefused> issue(Attempt attempt, SignInSubject terminal, int index,
                                                          List<Issuing> issuing) {
        KeyBlock tmk = terminal.masterKey().orElseThrow();
        List<CupSignInMode.Slot> slots = attempt.mode().slots();
        List<IssuedKeyResult.Issued> issued = new ArrayList<>(slots.size());
        List<NewKeyVersion> keys = new ArrayList<>(slots.size());
        for (CupSignInMode.Slot slot : slots) {
            switch (issuance.issue(slot.keyType(), slot.scheme(), tmk)) {
                case IssuedKeyResult.Issued i -> {
                    issued.add(i);
                    keys.add(new NewKeyVersion(slot.eventKeyType(), i.key().keyBlock(), i.checkValue().hex(),
                            slot.scheme().name()));
                }
                case IssuedKeyResult.KekRefused r -> {
                    return Optional.of(new SignInOutcome.MasterKeyRefused(r.reason()));
                }
            }
        }
        issuing.add(new Issuing(attempt, terminal, issued, keys, index));
        return Optional.empty();
    }

    private void store(List<Issuing> issuing, SignInOutcome[] outcomes) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant acceptedUntil = now.plus(properties.overlap());
        List<KeyVersions.NewVersion> inserted = new ArrayList<>();
        List<String> activated = new ArrayList<>();
        for (Issuing i : issuing) {
            String terminalId = i.attempt().terminalId();
            for (NewKeyVersion key : i.keys()) {
                inserted.add(new KeyVersions.NewVersion(terminalId, i.terminal().nextVersion(key.keyType()), key));
            }
            if (i.terminal().status() != TerminalStatus.ACTIVE) {
                activated.add(terminalId);
            }
        }
        Map<KeyVersions.TerminalKey, Integer> previous = versions.issue(inserted, now, acceptedUntil, IssueCause.SIGN_IN);
        terminals.signedIn(activated, now);
        List<KeyrailEvent> published = new ArrayList<>(inserted.size() * 2);
        for (Issuing i : issuing) {
            outcomes[i.index()] = publish(i, previous, now, acceptedUntil, published);
        }
        events.publishEvent(EventBatch.of(published));
    }

    private SignInOutcome.Issued publish(Issuing issuing, Map<KeyVersions.TerminalKey, Integer> previous,
                                        Instant now, Instant acceptedUntil, List<KeyrailEvent> published) {
        String terminalId = issuing.attempt().terminalId();
        CupSignInMode mode = issuing.attempt().mode();
        List<NewKeyVersion> keys = issuing.keys();
        List<String> cryptograms = new ArrayList<>(keys.size());
        List<String> checkValues = new ArrayList<>(keys.size());
        List<SignInResponse.IssuedKey> sent = new ArrayList<>(keys.size());
        for (int k = 0; k < keys.size(); k++) {
            NewKeyVersion key = keys.get(k);
            int version = issuing.terminal().nextVersion(key.keyType());
            Integer previousVersion = previous.get(new KeyVersions.TerminalKey(terminalId, key.keyType()));
            published.add(new KeyIssued(UUID.randomUUID(), now, terminalId, issuing.terminal().merchantId(),
                    key.keyType(), version, key.algorithm(), key.checkValue(), KeyState.ACTIVE, now, previousVersion,
                    previousVersion == null ? null : acceptedUntil, IssueCause.SIGN_IN));
            published.add(new KeyMaterial(UUID.randomUUID(), now, EventType.Source.KEY_ROTATION, terminalId,
                    key.keyType(), version, key.keyBlock().value(), key.keyBlock().lmkId(), key.checkValue(),
                    KeyState.ACTIVE, null));
            String cryptogram = issuing.issued().get(k).cryptogramHex();
            cryptograms.add(cryptogram);
            checkValues.add(key.checkValue());
            sent.add(new SignInResponse.IssuedKey(key.keyType(), version, cryptogram, key.checkValue()));
        }
        return new SignInOutcome.Issued(new SignInResponse(terminalId, mode.code(),
                Field62.assemble(mode, cryptograms, checkValues), sent, now));
    }

    /**
     * A terminal whose keys the HSM issued, at {@code index} in the batch: what the HSM returned
     * (cryptograms under the TMK) and the versions to store, one per slot of the mode, in order.
     */
    private record Issuing(Attempt attempt, SignInSubject terminal, List<IssuedKeyResult.Issued> issued,
                           List<NewKeyVersion> keys, int index) {
    }
}

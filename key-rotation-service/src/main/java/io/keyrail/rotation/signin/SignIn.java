package io.keyrail.rotation.signin;

import io.keyrail.events.EventType;
import io.keyrail.events.key.IssueCause;
import io.keyrail.events.key.KeyIssued;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import io.keyrail.events.material.KeyMaterial;
import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.hsm.api.key.IssuedKeyResult;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.WorkingKeyIssuance;
import io.keyrail.rotation.keys.KeyVersions;
import io.keyrail.rotation.keys.NewKeyVersion;
import io.keyrail.rotation.projection.SignInSubject;
import io.keyrail.rotation.projection.TerminalProjection;
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
 * Signs a terminal in: issues the next version of each working key of the CUP mode under the
 * terminal's TMK, supersedes the previous versions (accepted for the overlap window), sets the
 * terminal ACTIVE, and publishes per key a public {@link KeyIssued} and an internal
 * {@link KeyMaterial}, all in one database transaction (the outbox). The HSM sees the clear
 * keys; this class sees key blocks, cryptograms and check values only.
 *
 * <p>The terminal row is locked for the transaction, so concurrent sign-ins of one terminal
 * issue consecutive versions. Four statements plus the outbox rows, whatever the mode.
 */
@Service
class SignIn {

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

    @Transactional
    public SignInOutcome signIn(String terminalId, CupSignInMode mode) {
        Optional<SignInSubject> found = terminals.lockForSignIn(terminalId);
        if (found.isEmpty()) {
            return new SignInOutcome.TerminalUnknown();
        }
        SignInSubject terminal = found.get();
        if (terminal.status() == TerminalStatus.SUSPENDED) {
            return new SignInOutcome.TerminalSuspended();
        }
        if (terminal.status() == TerminalStatus.DECOMMISSIONED) {
            return new SignInOutcome.TerminalDecommissioned();
        }
        if (terminal.masterKey().isEmpty()) {
            return new SignInOutcome.MasterKeyMissing();
        }
        KeyBlock tmk = terminal.masterKey().get();

        List<CupSignInMode.Slot> slots = mode.slots();
        List<IssuedKeyResult.Issued> issued = new ArrayList<>(slots.size());
        for (CupSignInMode.Slot slot : slots) {
            switch (issuance.issue(slot.keyType(), slot.scheme(), tmk)) {
                case IssuedKeyResult.Issued i -> issued.add(i);
                case IssuedKeyResult.KekRefused r -> {
                    return new SignInOutcome.MasterKeyRefused(r.reason());
                }
            }
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant acceptedUntil = now.plus(properties.overlap());
        List<NewKeyVersion> keys = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            IssuedKeyResult.Issued key = issued.get(i);
            keys.add(new NewKeyVersion(slots.get(i).eventKeyType(), key.key().keyBlock(), key.checkValue().hex(),
                    slots.get(i).scheme().name()));
        }
        Map<WorkingKeyType, Integer> previous = versions.supersede(terminalId, mode.keyTypes(), now, acceptedUntil);
        Map<WorkingKeyType, Integer> current = versions.insertActive(terminalId, keys, now, IssueCause.SIGN_IN);
        if (terminal.status() != TerminalStatus.ACTIVE) {
            terminals.signedIn(terminalId, now);
        }

        List<String> cryptograms = new ArrayList<>(slots.size());
        List<String> checkValues = new ArrayList<>(slots.size());
        List<SignInResponse.IssuedKey> sent = new ArrayList<>(slots.size());
        for (int i = 0; i < keys.size(); i++) {
            NewKeyVersion key = keys.get(i);
            int version = current.get(key.keyType());
            Integer previousVersion = previous.get(key.keyType());
            events.publishEvent(new KeyIssued(UUID.randomUUID(), now, terminalId, terminal.merchantId(), key.keyType(),
                    version, key.algorithm(), key.checkValue(), KeyState.ACTIVE, now, previousVersion,
                    previousVersion == null ? null : acceptedUntil, IssueCause.SIGN_IN));
            events.publishEvent(new KeyMaterial(UUID.randomUUID(), now, EventType.Source.KEY_ROTATION, terminalId,
                    key.keyType(), version, key.keyBlock().value(), key.keyBlock().lmkId(), key.checkValue(),
                    KeyState.ACTIVE, null));
            cryptograms.add(issued.get(i).cryptogramHex());
            checkValues.add(key.checkValue());
            sent.add(new SignInResponse.IssuedKey(key.keyType(), version, issued.get(i).cryptogramHex(), key.checkValue()));
        }
        return new SignInOutcome.Issued(new SignInResponse(terminalId, mode.code(),
                Field62.assemble(mode, cryptograms, checkValues), sent, now));
    }
}

package ai.ailock.distribution.engine.transfer;

import static ai.ailock.distribution.engine.transfer.TransferState.ACKNOWLEDGED;
import static ai.ailock.distribution.engine.transfer.TransferState.DELIVERED;
import static ai.ailock.distribution.engine.transfer.TransferState.DISPUTED;
import static ai.ailock.distribution.engine.transfer.TransferState.EXPIRED;
import static ai.ailock.distribution.engine.transfer.TransferState.INVOICED;
import static ai.ailock.distribution.engine.transfer.TransferState.OFFERED;
import static ai.ailock.distribution.engine.transfer.TransferState.PAID;
import static ai.ailock.distribution.engine.transfer.TransferState.PAID_PENDING_INPUTS;
import static ai.ailock.distribution.engine.transfer.TransferState.REFUNDED;
import static ai.ailock.distribution.engine.transfer.TransferState.REVOKED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The transition table, edge by edge (docs/transfers.md draws the same table). */
class TransferStateTest {

  static Stream<Arguments> allowed() {
    return Stream.of(
        Arguments.of(OFFERED, INVOICED), Arguments.of(OFFERED, REVOKED), Arguments.of(OFFERED, EXPIRED),
        Arguments.of(INVOICED, PAID), Arguments.of(INVOICED, PAID_PENDING_INPUTS), Arguments.of(INVOICED, REVOKED),
        Arguments.of(INVOICED, EXPIRED),
        Arguments.of(PAID_PENDING_INPUTS, PAID), Arguments.of(PAID_PENDING_INPUTS, REFUNDED),
        Arguments.of(PAID_PENDING_INPUTS, DISPUTED), Arguments.of(PAID_PENDING_INPUTS, REVOKED),
        Arguments.of(PAID, DELIVERED), Arguments.of(PAID, REFUNDED), Arguments.of(PAID, DISPUTED),
        Arguments.of(PAID, REVOKED),
        Arguments.of(DELIVERED, ACKNOWLEDGED), Arguments.of(DELIVERED, DISPUTED), Arguments.of(DELIVERED, REFUNDED),
        Arguments.of(DELIVERED, REVOKED), Arguments.of(DELIVERED, EXPIRED),
        Arguments.of(ACKNOWLEDGED, DISPUTED), Arguments.of(ACKNOWLEDGED, REFUNDED),
        Arguments.of(DISPUTED, ACKNOWLEDGED), Arguments.of(DISPUTED, REFUNDED), Arguments.of(DISPUTED, REVOKED));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("allowed")
  void allowsEveryTransitionOfTheTable(TransferState from, TransferState to) {
    assertThat(from.canMoveTo(to)).isTrue();
  }

  @Test
  void allowsNothingElse() {
    long edges = Stream.of(TransferState.values()).mapToLong(s -> s.next().size()).sum();
    assertThat(edges).isEqualTo(allowed().count());
  }

  @ParameterizedTest(name = "{0} -> {1} refused")
  @MethodSource("refused")
  void refusesASampleOfTransitions(TransferState from, TransferState to) {
    assertThat(from.canMoveTo(to)).isFalse();
  }

  static Stream<Arguments> refused() {
    return Stream.of(Arguments.of(OFFERED, PAID), Arguments.of(OFFERED, DELIVERED), Arguments.of(INVOICED, DELIVERED),
        Arguments.of(PAID, INVOICED), Arguments.of(PAID, PAID_PENDING_INPUTS), Arguments.of(PAID, EXPIRED),
        Arguments.of(ACKNOWLEDGED, DELIVERED), Arguments.of(REFUNDED, PAID), Arguments.of(REVOKED, OFFERED),
        Arguments.of(EXPIRED, INVOICED), Arguments.of(OFFERED, OFFERED), Arguments.of(INVOICED, INVOICED));
  }

  @ParameterizedTest
  @EnumSource(names = {"REFUNDED", "REVOKED", "EXPIRED"})
  void terminalStatesLeadNowhere(TransferState state) {
    assertThat(state.terminal()).isTrue();
    assertThat(EnumSet.allOf(TransferState.class)).noneMatch(state::canMoveTo);
  }

  @Test
  void paidStatesAreThoseAfterAConfirmedPayment() {
    assertThat(Stream.of(TransferState.values()).filter(TransferState::paid))
        .containsExactlyInAnyOrderElementsOf(Set.of(PAID, PAID_PENDING_INPUTS, DELIVERED, ACKNOWLEDGED, DISPUTED));
  }

  @Test
  void wireFormsRoundTrip() {
    for (TransferState state : TransferState.values()) {
      assertThat(TransferState.fromWire(state.wire())).isEqualTo(state);
    }
    assertThat(List.of(PAID_PENDING_INPUTS.wire(), OFFERED.wire())).containsExactly("paid_pending_inputs", "offered");
  }
}

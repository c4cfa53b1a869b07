package ai.ailock.distribution.engine.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductPolicyTest {

  @Test
  void defaultsToSevenDaysOneDownloadNoPriceAndNoInputs() {
    ProductPolicy policy = ProductPolicy.defaults();

    assertThat(policy.retention()).isEqualTo(Duration.ofDays(7));
    assertThat(policy.downloadLimit()).isEqualTo(1);
    assertThat(policy.price()).isNull();
    assertThat(policy.requiredInputs()).isEmpty();
  }

  @Test
  void refusesRetentionOutsideOneToSevenDaysAndDownloadLimitsBelowOne() {
    assertThatThrownBy(() -> new ProductPolicy(0, 1, null, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProductPolicy(8, 1, null, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProductPolicy(7, 0, null, List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}

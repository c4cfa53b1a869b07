package ai.ailock.distribution.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored form of policies, and that remembering conversions never changes what they give. */
class PolicyJsonTest {
  static ProductPolicy policy(long amount) {
    return new ProductPolicy(5, 2, new Price(amount, "eur"), List.of(), amount % 2 == 0);
  }

  @Test
  void aPolicyReadsBackAsWrittenWithEveryMember() {
    ProductPolicy policy = policy(1500);

    String json = PolicyJson.write(policy);

    assertThat(json).contains("\"retention_days\":5", "\"download_limit\":2", "\"personalized_copies\":true");
    assertThat(PolicyJson.read(json)).isEqualTo(policy);
    assertThat(PolicyJson.read(json)).isSameAs(PolicyJson.read(json));
  }

  @Test
  void conversionsStayRightPastWhatIsRemembered() {
    for (long amount = 1; amount <= PolicyJson.REMEMBERED + 10; amount++) {
      ProductPolicy policy = policy(amount);
      String json = PolicyJson.write(policy);
      assertThat(PolicyJson.read(json)).isEqualTo(policy);
      assertThat(json).contains("\"amount\":" + amount + ",");
    }
  }

  @Test
  void omittedMembersTakeTheDefaults() {
    ProductPolicy read = PolicyJson.read("{\"download_limit\": 3}");

    assertThat(read.retentionDays()).isEqualTo(ProductPolicy.MAX_RETENTION_DAYS);
    assertThat(read.downloadLimit()).isEqualTo(3);
    assertThat(read.price()).isNull();
    assertThat(read.personalizedCopies()).isFalse();
  }
}

package ai.ailock.distribution.client.personalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalizedGrantTitleTest {

  @Test
  void aLicenseCarriesTheProductsTitleWithControlCharactersAsSpaces() {
    assertThat(PersonalizedGrant.titleOf("Field recordings, vol. 2 \u00e9\ud83d\ude00"))
        .isEqualTo("Field recordings, vol. 2 \u00e9\ud83d\ude00");
    assertThat(PersonalizedGrant.titleOf("Logo\tpack\u0007\u009f")).isEqualTo("Logo pack  ");
  }
}

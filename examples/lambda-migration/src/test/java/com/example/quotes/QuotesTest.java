package com.example.quotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.api.HttpResponse;
import io.skyhop.api.QueueMessage;
import io.skyhop.test.Skyhop;
import io.skyhop.test.SkyhopTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@SkyhopTest
class QuotesTest {
  @Test
  void quotesAKnownSymbol(Skyhop skyhop) {
    HttpResponse response = skyhop.post("/quotes", "{\"symbol\":\"ACME\"}");
    assertThat(response.status()).isEqualTo(200);
    assertThat(skyhop.read(response, Quotes.Quote.class).price()).isEqualTo(42.0);
  }

  @Test
  void unknownSymbolIs404(Skyhop skyhop) {
    HttpResponse response = skyhop.post("/quotes", "{\"symbol\":\"NOPE\"}");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.bodyAsString()).contains("Unknown symbol NOPE");
  }

  @Test
  void aBatchReportsOnlyTheFailedTrade(Skyhop skyhop) {
    List<String> failed =
        skyhop.queueBatch(
            "on-trade", List.of(QueueMessage.of("m-1", "ACME"), QueueMessage.of("m-2", "NOPE")));
    assertThat(failed).containsExactly("m-2");
    assertThatThrownBy(() -> skyhop.queue("on-trade", "NOPE"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

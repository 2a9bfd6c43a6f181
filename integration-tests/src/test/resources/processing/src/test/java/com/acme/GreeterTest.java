package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.skyhop.test.Skyhop;
import io.skyhop.test.SkyhopTest;
import org.junit.jupiter.api.Test;

@SkyhopTest
class GreeterTest {
  @Test
  void greets(Skyhop skyhop) {
    assertEquals(200, skyhop.get("/hello?name=Ada").status());
  }
}

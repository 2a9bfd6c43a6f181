package io.skyhop.tooling.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcStatusTest {
  @Test
  void readsTheKilobytesOfAField() {
    String status = "Name:\tjava\nVmPeak:\t 3661340 kB\nVmHWM:\t   47000 kB\nVmRSS:\t   46100 kB\n";
    assertThat(ProcStatus.field(status, "VmHWM:")).isEqualTo(OptionalLong.of(47000));
    assertThat(ProcStatus.field(status, "VmSwap:")).isEmpty();
  }

  @Test
  void readsThePeakOfARunningProcessAndNothingOfAGoneOne() {
    assertThat(ProcStatus.peakKb(ProcessHandle.current().pid()).getAsLong()).isPositive();
    assertThat(ProcStatus.peakKb(Long.MAX_VALUE)).isEmpty();
  }
}

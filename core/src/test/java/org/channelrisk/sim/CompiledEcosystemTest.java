package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.channelrisk.model.Channel;
import org.channelrisk.model.Ecosystem;
import org.channelrisk.model.Link;
import org.junit.jupiter.api.Test;

class CompiledEcosystemTest {
  @Test
  void arraysAndLinkRowsMatchTheEcosystem() {
    Ecosystem eco = SimulationTest.rich(400, 0.8, 3).ecosystem();
    CompiledEcosystem c = new CompiledEcosystem(eco);
    List<Channel> chans = new ArrayList<>(eco.channels().values());
    assertThat(c.size()).isEqualTo(chans.size());
    List<String> ids = List.of(c.channelIds);
    for (int i = 0; i < chans.size(); i++) {
      Channel ch = chans.get(i);
      assertThat(c.channelIds[i]).isEqualTo(ch.id());
      assertThat(c.platformIds.get(c.platform[i])).isEqualTo(ch.platformId());
      assertThat(c.role[i]).isEqualTo((byte) ch.role().ordinal());
      assertThat(c.audience[i]).isEqualTo(ch.audience());
    }
    // every link appears once in the out-rows of its source and once in the in-rows of its target
    long[] outSeen = new long[eco.links().size()];
    int k = 0;
    for (Link l : eco.links()) {
      int from = ids.indexOf(l.from());
      int to = ids.indexOf(l.to());
      long outCount = java.util.stream.IntStream.range(c.outStart[from], c.outStart[from + 1]).filter(x -> c.outList[x] == to).count();
      long inCount = java.util.stream.IntStream.range(c.inStart[to], c.inStart[to + 1]).filter(x -> c.inList[x] == from).count();
      long expected = eco.links().stream().filter(m -> m.from().equals(l.from()) && m.to().equals(l.to())).count();
      assertThat(outCount).isEqualTo(expected);
      assertThat(inCount).isEqualTo(expected);
      outSeen[k++] = outCount;
    }
    assertThat(c.outStart[c.size()]).isEqualTo(eco.links().size());
    assertThat(c.inStart[c.size()]).isEqualTo(eco.links().size());
    for (int i = 0; i < c.size(); i++) {
      assertThat(c.linksIn(i)).isEqualTo(c.inStart[i + 1] - c.inStart[i]);
      assertThat(c.degree(i)).isEqualTo(c.linksIn(i) + c.outStart[i + 1] - c.outStart[i]);
    }
    assertThat(new CompiledEcosystem(Ecosystem.empty()).size()).isZero();
  }
}

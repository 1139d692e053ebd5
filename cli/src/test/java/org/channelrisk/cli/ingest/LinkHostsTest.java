package org.channelrisk.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkHostsTest {
  @TempDir static Path dir;

  static LinkHosts hosts() throws IOException {
    Path f = dir.resolve("hosts.csv");
    Files.writeString(f, "host,platform\nrocket.chat,rocketchat\nwww.Example.org,web\nexample.net,web\n");
    return LinkHosts.read(f);
  }

  @ParameterizedTest
  @CsvSource({
    "https://t.me/joinchat/AAAA, -1",
    "t.me/+AbCd, -1",
    "HTTPS://T.ME/x, -1",
    "https://alpha.t.me/, -1",
    "telegram.me/beta, -1",
    "tg://join?invite=abc, -1",
    "https://rocket.chat/channel/x, 0",
    "https://open.rocket.chat:3000/x, 0",
    "https://user:pw@rocket.chat/x, 0",
    "example.org, 1",
    "http://www.example.org./a, 1",
    "https://cdn.example.net/x?y=t.me, 1",
    "https://notrocket.chat/x, 2",
    "https://t.me.evil.com/x, 2",
    "https://archive.org, 2",
    "mailto:a@b.c, 2",
    "'', 2",
  })
  void classify(String url, int expected) throws IOException {
    assertThat(hosts().classify(url.toCharArray(), 0, url.length())).as(url).isEqualTo(expected);
    assertThat(hosts().classes()).containsExactly("rocketchat", "web");
  }

  @Test
  void withoutClassesEveryOutLinkIsOther() {
    assertThat(LinkHosts.none().classify("https://rocket.chat".toCharArray(), 0, 18)).isZero();
    assertThat(LinkHosts.none().classify("https://t.me/x".toCharArray(), 0, 14)).isEqualTo(LinkHosts.TELEGRAM);
  }
}

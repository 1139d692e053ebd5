package org.channelrisk.sim;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.channelrisk.model.Account;
import org.channelrisk.model.Channel;
import org.channelrisk.model.Ecosystem;
import org.channelrisk.model.Link;
import org.channelrisk.model.Platform;

/**
 * What every run of a scenario shares, built once from the ecosystem: indices instead of ids, one
 * primitive array per channel attribute (struct of arrays), the link graph in compressed sparse rows
 * both ways. Never modified after construction, so runs on any number of threads read it at once.
 * Memory: about 30 bytes per channel and 8 per link, besides the channel ids; derived counts (links
 * in, degree) are read from the rows' starts rather than stored.
 */
final class CompiledEcosystem {
  final Platform[] platforms;
  final List<String> platformIds;
  final String[] channelIds;
  final int[] platform;
  final byte[] role;
  final int[] generation;
  final int[] operator;
  final long[] audience;
  final int[] spare;
  final int[] outStart;
  final int[] outList;
  final int[] inStart;
  final int[] inList;

  CompiledEcosystem(Ecosystem eco) {
    platforms = eco.platforms().values().toArray(new Platform[0]);
    platformIds = ImmutableList.copyOf(eco.platforms().keySet());
    Map<String, Integer> pIndex = new HashMap<>();
    for (int p = 0; p < platforms.length; p++) {
      pIndex.put(platforms[p].id(), p);
    }
    Map<String, Integer> opIndex = new HashMap<>();
    List<Account> accounts = new ArrayList<>(eco.accounts().values());
    spare = new int[accounts.size()];
    for (int a = 0; a < accounts.size(); a++) {
      opIndex.put(accounts.get(a).id(), a);
      spare[a] = accounts.get(a).spareAccounts();
    }
    List<Channel> chans = new ArrayList<>(eco.channels().values());
    int n = chans.size();
    channelIds = new String[n];
    platform = new int[n];
    role = new byte[n];
    generation = new int[n];
    operator = new int[n];
    audience = new long[n];
    Map<String, Integer> cIndex = new HashMap<>(2 * n);
    for (int i = 0; i < n; i++) {
      Channel c = chans.get(i);
      cIndex.put(c.id(), i);
      channelIds[i] = c.id();
      platform[i] = pIndex.get(c.platformId());
      role[i] = (byte) c.role().ordinal();
      generation[i] = c.generation();
      operator[i] = opIndex.get(c.operatorId());
      audience[i] = c.audience();
    }
    List<Link> links = eco.links();
    outStart = new int[n + 1];
    inStart = new int[n + 1];
    int[] from = new int[links.size()];
    int[] to = new int[links.size()];
    for (int l = 0; l < links.size(); l++) {
      from[l] = cIndex.get(links.get(l).from());
      to[l] = cIndex.get(links.get(l).to());
      outStart[from[l] + 1]++;
      inStart[to[l] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      outStart[i + 1] += outStart[i];
      inStart[i + 1] += inStart[i];
    }
    outList = new int[links.size()];
    inList = new int[links.size()];
    int[] oFill = Arrays.copyOf(outStart, n);
    int[] iFill = Arrays.copyOf(inStart, n);
    for (int l = 0; l < links.size(); l++) {
      outList[oFill[from[l]]++] = to[l];
      inList[iFill[to[l]]++] = from[l];
    }
  }

  /** @return links into channel i (read from the rows' starts: no array of its own) */
  int linksIn(int i) {
    return inStart[i + 1] - inStart[i];
  }

  /** @return links into and out of channel i */
  int degree(int i) {
    return linksIn(i) + outStart[i + 1] - outStart[i];
  }

  /** @return the number of channels */
  int size() {
    return channelIds.length;
  }
}

package io.charmkit.ops.log;

import io.charmkit.ops.hooktools.HookTools;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A {@link HookTools} that records every call: {@code jujuLog} calls as (level, message) pairs and
 * any other method by name. Optionally {@code jujuLog} throws, or runs an action first.
 */
final class RecordingTools {
  final List<List<String>> logs = new ArrayList<>();
  final List<String> calls = new ArrayList<>();
  RuntimeException failure;
  BiConsumer<String, String> onLog = (level, message) -> {};

  HookTools tools() {
    return (HookTools)
        Proxy.newProxyInstance(
            HookTools.class.getClassLoader(),
            new Class<?>[] {HookTools.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "toString":
                  return "RecordingTools";
                case "hashCode":
                  return System.identityHashCode(proxy);
                case "equals":
                  return proxy == args[0];
                default:
                  break;
              }
              calls.add(method.getName());
              if (!method.getName().equals("jujuLog")) {
                throw new UnsupportedOperationException(method.getName());
              }
              onLog.accept((String) args[0], (String) args[1]);
              if (failure != null) {
                throw failure;
              }
              logs.add(List.of((String) args[0], (String) args[1]));
              return null;
            });
  }
}

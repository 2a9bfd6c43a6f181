package io.skyhop.tooling.logs;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.local.LocalConnection;

/** {@code skyhop:logs} on local: the in-house runtime's admin API. */
public final class LocalRuntimeLogs {
  private LocalRuntimeLogs() {}

  /** The source of the runtime {@code request} names. */
  public static LogSource open(DeployRequest request, BuildListener listener) throws Exception {
    return new LocalLogs(LocalConnection.open(request, listener), request.naming().cluster().app());
  }
}

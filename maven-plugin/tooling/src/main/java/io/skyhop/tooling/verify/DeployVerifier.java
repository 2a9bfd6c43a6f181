package io.skyhop.tooling.verify;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import java.util.List;

/**
 * One target's check that what it deployed works: every function active, every trigger registered
 * and, with {@code smoke}, each HTTP function answering a request with the target's credentials.
 * {@link Verification} runs it after each deploy.
 */
public interface DeployVerifier {
  /**
   * Checks the deployed app.
   *
   * @param result what the deploy did
   * @param smoke whether to call the HTTP functions ({@code skyhop.verify}, default true)
   * @return one entry per function that does not work, empty when all do
   */
  List<Failure> verify(
      DeployRequest request, DeployResult result, boolean smoke, BuildListener listener)
      throws Exception;

  /**
   * A function that does not work.
   *
   * @param function the Skyhop function name
   * @param problem what was seen, e.g. {@code GET http://…/hello answered 500}
   */
  record Failure(String function, String problem) {
    @Override
    public String toString() {
      return function + " (" + problem + ")";
    }
  }
}

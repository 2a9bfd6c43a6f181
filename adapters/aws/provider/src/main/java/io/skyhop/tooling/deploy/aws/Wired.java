package io.skyhop.tooling.deploy.aws;

import java.util.Map;

/**
 * A trigger wired to a function.
 *
 * @param endpoint the URL of an HTTP function, or a description of the trigger
 * @param changed whether anything was (or would be) created or updated
 * @param details facts for deploy-aws.json (ARNs, ids), never secrets
 */
record Wired(String endpoint, boolean changed, Map<String, Object> details) {}

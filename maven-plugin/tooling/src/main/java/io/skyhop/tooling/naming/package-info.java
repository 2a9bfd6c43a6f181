/**
 * Stages and physical names: {@link io.skyhop.tooling.naming.Naming} holds {@code skyhop.app} and
 * {@code skyhop.stage} and derives every name Skyhop gives a resource on every target, within each
 * provider's rules. Deployers take their names from here and nowhere else.
 */
package io.skyhop.tooling.naming;

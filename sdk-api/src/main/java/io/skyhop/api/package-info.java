/**
 * The cloud-neutral handler API of Skyhop: annotate public methods with {@link
 * io.skyhop.api.Function} and one trigger annotation, and code against the neutral types in this
 * package. The same compiled class runs unchanged on AWS Lambda, Azure Functions, Google Cloud
 * Functions and the in-house Skyhop runtime.
 */
package io.skyhop.api;

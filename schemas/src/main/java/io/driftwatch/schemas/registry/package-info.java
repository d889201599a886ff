/**
 * A client of the Confluent Schema Registry REST API, written here because Confluent's client is not on
 * Maven Central; it speaks the subset that Confluent, Apicurio (ccompat), Karapace and Redpanda all serve.
 */
@NullMarked
package io.driftwatch.schemas.registry;

import org.jspecify.annotations.NullMarked;

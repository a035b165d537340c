/**
 * Wire types of the Walrus storage-node REST API, as codecs: the BCS bodies (blob metadata, slivers, the
 * storage-confirmation {@link dev.walrussync.walrus.node.ProtocolMessage}) and the JSON bodies (statuses, storage
 * confirmations, health, the {@code {"success":{...}}} envelope and AIP-193 error bodies), plus conversions to and
 * from the validated types of {@link dev.walrussync.walrus.encoding}.
 *
 * <p>The wire types mirror the Rust types of {@code walrus-core} and {@code walrus-storage-node-client} and accept
 * everything those accept (for example the retired RaptorQ encoding type or empty Merkle nodes), so that a server
 * can reject such input with the right error; {@link dev.walrussync.walrus.node.EncodingConversions} applies the
 * checks. JSON field names follow the Rust serde attributes, not the OpenAPI YAML.
 */
package dev.walrussync.walrus.node;

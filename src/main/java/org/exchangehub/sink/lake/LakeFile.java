package org.exchangehub.sink.lake;

/**
 * One Parquet file the lake sink wrote and moved into place.
 *
 * @param path   relative to the lake root, {@code /}-separated, e.g.
 *               {@code person/dt=2026-11-03/part-r42-00000.parquet}
 * @param rows   records in the file
 * @param bytes  file size
 * @param sha256 SHA-256 of the file's bytes, lower-case hex
 */
public record LakeFile(String path, long rows, long bytes, String sha256) {
}

/** `1` = localfile queue, `Wazuh-AWS` = location (core.md §5.2). */
export const WAZUH_HEADER = '1:Wazuh-AWS:';
/** Larger payloads are still sent, after a debug line (quirk C11, kept). */
export const MAX_EVENT_SIZE = 65535;

const HEADER_BYTES = Buffer.from(WAZUH_HEADER, 'latin1');

/** The datagram for one event: header + UTF-8 JSON, no terminator. */
export function frameEvent(json: string): Buffer {
  const size = Buffer.byteLength(json);
  const buffer = Buffer.allocUnsafe(HEADER_BYTES.length + size);
  HEADER_BYTES.copy(buffer, 0);
  buffer.write(json, HEADER_BYTES.length, size, 'utf8');
  return buffer;
}

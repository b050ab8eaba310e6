import { describeErrno, type ErrnoInfo } from './errno.js';
import { createUnixDgramSocket, type UnixDgramError, type UnixDgramSocket } from './unix-dgram-loader.js';

/** errno names meaning "nobody is listening (any more)": Wazuh stopped or is restarting. */
export const PEER_GONE = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'ENOTCONN',
  'ECONNRESET',
  'EPIPE',
  'EDESTADDRREQ',
]);

export type ConnectResult =
  | { socket: UnixDgramSocket; error?: undefined }
  | { socket?: undefined; error: ErrnoInfo };
export type SendResult = 'sent' | 'congested' | ErrnoInfo;

const errnoOf = (error: UnixDgramError): ErrnoInfo => describeErrno(Number(error.errno ?? error.code));

/** A datagram socket connected to `path`, or the connect errno (the socket is then closed). */
export function connectSocket(path: string, onWritable: () => void): ConnectResult {
  if (Buffer.byteLength(path) > 107) return { error: describeErrno(36) }; // ENAMETOOLONG: sun_path is 108 bytes
  const socket = createUnixDgramSocket();
  let failure: UnixDgramError | undefined;
  socket.on('error', (error) => {
    failure = error;
  });
  socket.on('writable', onWritable);
  socket.connect(path);
  if (!failure) return { socket };
  socket.close();
  return { error: errnoOf(failure) };
}

/** One non-blocking send; unix-dgram reports its outcome synchronously. */
export function sendDatagram(socket: UnixDgramSocket, buffer: Buffer): SendResult {
  let outcome: SendResult | undefined;
  socket.send(buffer, (error) => {
    if (!error) outcome = 'sent';
    else if (error.code === 1 && error.message === 'congestion') outcome = 'congested';
    else outcome = errnoOf(error);
  });
  if (outcome === undefined) throw new Error('unix-dgram did not report the send outcome synchronously');
  return outcome;
}

import { constants } from 'node:os';

// glibc's strerror texts, which the reference prints (`[Errno 2] No such file or directory`).
const STRERROR: Record<string, string> = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  EINTR: 'Interrupted system call',
  EIO: 'Input/output error',
  EBADF: 'Bad file descriptor',
  EAGAIN: 'Resource temporarily unavailable',
  ENOMEM: 'Cannot allocate memory',
  EACCES: 'Permission denied',
  ENOTDIR: 'Not a directory',
  EINVAL: 'Invalid argument',
  ENFILE: 'Too many open files in system',
  EMFILE: 'Too many open files',
  EPIPE: 'Broken pipe',
  ENAMETOOLONG: 'File name too long',
  ELOOP: 'Too many levels of symbolic links',
  ENOTSOCK: 'Socket operation on non-socket',
  EDESTADDRREQ: 'Destination address required',
  EMSGSIZE: 'Message too long',
  EPROTOTYPE: 'Protocol wrong type for socket',
  ECONNRESET: 'Connection reset by peer',
  ENOBUFS: 'No buffer space available',
  ENOTCONN: 'Transport endpoint is not connected',
  ECONNREFUSED: 'Connection refused',
};

export interface ErrnoInfo {
  /** e.g. `ENOENT`, or `E<number>` when unknown. */
  readonly name: string;
  /** Positive errno of this platform (Linux numbers on Linux). */
  readonly number: number;
  /** `[Errno 2] No such file or directory`, the Python OSError form. */
  readonly text: string;
}

const NAMES = new Map<number, string>(Object.entries(constants.errno).map(([name, n]) => [n, name]));

/** Describes an errno as unix-dgram reports it (a negative number) or as a positive number. */
export function describeErrno(errno: number): ErrnoInfo {
  const number = Math.abs(errno);
  const name = NAMES.get(number) ?? `E${number}`;
  return { name, number, text: `[Errno ${number}] ${STRERROR[name] ?? name}` };
}

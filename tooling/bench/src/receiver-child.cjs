// A counting Wazuh queue: a real AF_UNIX datagram socket that only counts what arrives (and
// checks each datagram carries the `1:Wazuh-AWS:` header), so it is never the limit at high rates.
const [dgramPath, sockPath] = process.argv.slice(2);
const socket = require(dgramPath).createSocket('unix_dgram');
const HEADER = Buffer.from('1:Wazuh-AWS:');
let count = 0;
let bytes = 0;
let malformed = 0;
let first = 0;
let last = 0;
socket.on('message', (buffer) => {
  if (count === 0) first = performance.now();
  count++;
  bytes += buffer.length;
  if (buffer.compare(HEADER, 0, HEADER.length, 0, HEADER.length) !== 0) malformed++;
  last = performance.now();
});
socket.on('error', (error) => process.send({ type: 'error', message: error.message }));
socket.on('listening', () => process.send({ type: 'ready' }));
process.on('message', (m) => {
  if (m === 'stats') process.send({ type: 'stats', count, bytes, malformed, seconds: (last - first) / 1000 });
  else if (m === 'reset') {
    count = bytes = malformed = first = last = 0;
    process.send({ type: 'reset' });
  } else if (m === 'close') {
    socket.close();
    try {
      require('node:fs').unlinkSync(sockPath);
    } catch {}
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
socket.bind(sockPath);

import { openObjectContent, ParseError } from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../test/helpers.js';
import { parseAlbLog, parseClbLog, parseNlbLog, ShortRowError, splitIpPort } from './index.js';

const all = async <T>(iterable: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
};

const albLine = (client: string, target: string, targets: string, tail = '') =>
  `https 2025-03-09T06:10:00Z app/a/1 ${client} ${target} 0.000 0.291 0.000 404 404 668 85143 "GET https://x:443/ HTTP/2.0" "Mozilla/5.0 (X; Y)" ECDHE TLSv1.2 arn:tg "Root=1-a" "x.com" "arn:cert" 0 2025-03-09T06:10:00Z "forward" "-" "-" "${targets}" "404" "-" "-"${tail}`;

describe('splitIpPort', () => {
  it('splits at the last colon and strips IPv6 brackets', () => {
    expect(splitIpPort('0.0.0.0:48888')).toEqual(['0.0.0.0', '48888']);
    expect(splitIpPort('2001:db8:ae24::52:36186')).toEqual(['2001:db8:ae24::52', '36186']);
    expect(splitIpPort('[2001:db8::1]:443')).toEqual(['2001:db8::1', '443']);
    expect(splitIpPort('-')).toBeUndefined();
  });
});

describe('parseAlbLog', () => {
  it('splits client, target and target list; quoted fields keep their spaces', async () => {
    const [event] = await all(
      parseAlbLog(albLine('1.2.3.4:5', '[2001:db8::9]:80', '10.0.0.1:80 10.0.0.2:8080')),
    );
    expect(event).toMatchObject({
      client_ip: '1.2.3.4',
      client_port: '5',
      target_ip: '2001:db8::9',
      target_port: '80',
      target_ip_list: '10.0.0.1 10.0.0.2',
      target_port_list: '80 8080',
      request: 'GET https://x:443/ HTTP/2.0',
      user_agent: 'Mozilla/5.0 (X; Y)',
      source: 'alb',
    });
    expect(event).not.toHaveProperty('extra_fields');
  });

  it('leaves a `-` column unsplit, without ip member, and logs why', async () => {
    const logger = recordingLogger(2);
    const [event] = await all(parseAlbLog(albLine('1.2.3.4:5', '-', '-'), { logger }));
    expect(event).toMatchObject({ target_port: '-', target_port_list: '-', client_ip: '1.2.3.4' });
    expect(event).not.toHaveProperty('target_ip');
    expect(event).not.toHaveProperty('target_ip_list');
    expect(logger.lines[0]).toBe('DEBUG: Unable to process correctly ABL log entry, for field target_port.');
    expect(logger.lines[1]).toMatch(/^DEBUG: Log Entry: \{"type":"https"/);
    expect(logger.lines).toHaveLength(4);
  });

  it('collects surplus columns under extra_fields, CRLF lines and blank lines included', async () => {
    const text = `${albLine('1.2.3.4:5', '6.7.8.9:80', '6.7.8.9:80', ' "TID_1" -')}\r\n\r\n${albLine('1.2.3.4:5', '-', '-')}\r\n`;
    const events = await all(parseAlbLog(text));
    expect(events).toHaveLength(2);
    expect(events[0]?.extra_fields).toEqual(['TID_1', '-']);
    expect(events[1]).not.toHaveProperty('extra_fields');
  });

  it('fails a row too short to split, like the reference (unknown-error class)', async () => {
    await expect(all(parseAlbLog('https 2025 app/a/1 1.2.3.4:5', { key: 'k.log' }))).rejects.toBeInstanceOf(
      ShortRowError,
    );
  });
});

describe('parseNlbLog', () => {
  const line = (client: string, destination: string) =>
    `tls 2.0 2025-03-09T06:15:00 net/n/1 l1 ${client} ${destination} 6803 9 521 2549 - arn:cert - ECDHE tlsv12 - d.com h2 h2 h2,"http/1.1" 2025-03-09T06:15:00.2Z`;

  it('splits each address on its own (decision B29) and keeps the 22-column tail', async () => {
    const [event] = await all(parseNlbLog(line('-', '10.2.4.63:443')));
    expect(event).toMatchObject({
      client_port: '-',
      client_ip: '-',
      destination_port: '443',
      destination_ip: '10.2.4.63',
      source: 'nlb',
      extra_fields: ['h2,"http/1.1"', '2025-03-09T06:15:00.2Z'],
    });
    const [v6] = await all(parseNlbLog(line('[2001:db8::7]:62215', '-')));
    expect(v6).toMatchObject({
      client_ip: '2001:db8::7',
      client_port: '62215',
      destination_ip: '-',
      destination_port: '-',
    });
  });

  it('fails a row without the address columns', async () => {
    await expect(all(parseNlbLog('tls 2.0 x net/n/1 l1 1.2.3.4:5'))).rejects.toBeInstanceOf(ShortRowError);
  });
});

describe('parseClbLog', () => {
  it('keeps values unsplit; missing trailing columns are null (removed from the message)', async () => {
    const [event] = await all(
      parseClbLog(
        '2025-03-09T06:10:00Z legacy 1.2.3.4:5 10.0.0.1:80 0.1 0.2 0.3 200 200 10 20 "GET http://x/ HTTP/1.1"',
      ),
    );
    expect(event).toMatchObject({
      client_port: '1.2.3.4:5',
      backend_port: '10.0.0.1:80',
      request: 'GET http://x/ HTTP/1.1',
      source: 'clb',
    });
    expect(event?.user_agent).toBeNull();
  });

  it('surfaces invalid UTF-8 in a plain .log object as ParseError', async () => {
    const content = openObjectContent(
      'x/1_elasticloadbalancing_r_lb_x.log',
      Buffer.from('a b \xff\n', 'latin1'),
    );
    await expect(all(parseClbLog(content))).rejects.toBeInstanceOf(ParseError);
  });

  it('fails a field over the 131072-character limit with ParseError', async () => {
    await expect(all(parseClbLog(`x ${'y'.repeat(131073)}`))).rejects.toBeInstanceOf(ParseError);
  });
});

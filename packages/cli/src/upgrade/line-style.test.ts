import { describe, expect, it } from 'vitest';
import { teamStyle, toFactoryStyle, toTeamStyle } from './line-style.js';

const b = (text: string) => Buffer.from(text, 'latin1');
const BOM = '\xef\xbb\xbf';

describe('line style', () => {
  it('sees the mark and the CRLF line ends the team added, and nothing the previous render had', () => {
    expect(teamStyle(b(`${BOM}a\r\nb\r\n`), b('a\nb\n'))).toEqual({ bom: true, crlf: true });
    expect(teamStyle(b('a\nb\n'), b('a\nb\n'))).toEqual({ bom: false, crlf: false });
    expect(teamStyle(b(`${BOM}a\r\n`), b(`${BOM}a\r\n`))).toEqual({ bom: false, crlf: false });
  });

  it('leaves a file with mixed line ends alone, so none of its bytes change', () => {
    expect(teamStyle(b('a\r\nb\nc\r\n'), b('a\nb\nc\n')).crlf).toBe(false);
  });

  it('gives back exactly the team\'s bytes after a round trip through the factory style', () => {
    const ours = b(`${BOM}caf\xe9\r\nthé\r\n\r\nend\r\n`);
    const style = teamStyle(ours, b('x\n'));
    const canonical = toFactoryStyle(ours, style);
    expect(canonical.toString('latin1')).toBe('caf\xe9\nthé\n\nend\n');
    expect(toTeamStyle(canonical, style).equals(ours)).toBe(true);
  });

  it('writes the lines a merge added in the team\'s style too', () => {
    expect(toTeamStyle(b('a\nnew\nb\n'), { bom: false, crlf: true }).toString('latin1')).toBe('a\r\nnew\r\nb\r\n');
  });
});

/**
 * How a team writes the lines of a text file: with a byte order mark, with CRLF line ends. The factory
 * renders LF without a mark, so a team file saved by a Windows editor differs from the previous render
 * on every line; merged as bytes, any change of the new render would conflict with all of them. The merge
 * compares the three versions in the factory's style and gives the result the team's style back.
 */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface LineStyle {
  bom: boolean;
  crlf: boolean;
}

const hasBom = (content: Buffer) => content.subarray(0, 3).equals(BOM);

/** True when every line end is CRLF (and there is at least one). */
function allCrlf(content: Buffer): boolean {
  let lines = 0;
  for (let at = content.indexOf(0x0a); at !== -1; at = content.indexOf(0x0a, at + 1)) {
    if (content[at - 1] !== 0x0d) return false;
    lines += 1;
  }
  return lines > 0;
}

const hasCr = (content: Buffer) => content.includes(0x0d);

/**
 * The style the team gave `ours` that the previous render (`base`) does not have. Only a consistent
 * style counts: a file with mixed line ends is merged as it is, so no byte of it changes.
 */
export function teamStyle(ours: Buffer, base: Buffer): LineStyle {
  return { bom: hasBom(ours) && !hasBom(base), crlf: allCrlf(ours) && !hasCr(base) };
}

/** `content` in the factory's style: no mark, LF line ends (only what `style` says the team added). */
export function toFactoryStyle(content: Buffer, style: LineStyle): Buffer {
  let result = style.bom && hasBom(content) ? content.subarray(3) : content;
  if (style.crlf) result = Buffer.from(result.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
  return result;
}

/** `content`, written in the factory's style, back in the team's. */
export function toTeamStyle(content: Buffer, style: LineStyle): Buffer {
  // Latin-1 maps each byte to one character and back, so any encoding survives the round trip.
  let result = style.crlf ? Buffer.from(content.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1') : content;
  if (style.bom && !hasBom(result)) result = Buffer.concat([BOM, result]);
  return result;
}

/**
 * Lays out an LOA (domain/loa.ts) as a one- or more-page PDF with pdf-lib: title, authorization,
 * the order's facts, the numbers in a table, and either blank signature lines or, once e-signed, the
 * signature block with its audit trail. The standard Helvetica font writes WinAnsi only: a character
 * it cannot write loses its accent (Ł → L) or becomes '?', never an error.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { LoaContent } from '../domain/loa';

export interface LoaSignature {
  name: string;
  /** RFC 3339. */
  signedAt: string;
  ip: string;
  userAgent: string;
  /** SHA-256 (hex) of the unsigned LOA the signer was shown. */
  documentSha256: string;
}

const PAGE: [number, number] = [612, 792]; // US Letter
const MARGIN = 56;
const SIZE = 10.5;
const LINE = 15;

/** Letters with a stroke, which Unicode does not decompose into a base letter and an accent. */
const STROKED: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i' };

/** `text` in characters the font can write: accents stripped where that helps, '?' otherwise. */
export function writable(text: string, font: PDFFont): string {
  let out = '';
  for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
    const base = STROKED[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
    for (const candidate of [ch, base, '?']) {
      try {
        font.encodeText(candidate);
        out += candidate;
        break;
      } catch {
        // not in the font's encoding: try the next candidate
      }
    }
  }
  return out;
}

export async function renderLoaPdf(content: LoaContent, signature?: LoaSignature): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(content.title);
  pdf.setSubject(`Port-in order ${content.fields.find(([label]) => label === 'Order')?.[1] ?? ''}`);
  pdf.setKeywords([`loa-template:${content.template}`, ...(signature ? ['e-signed'] : [])]);
  pdf.setCreator('port-in orchestrator');
  pdf.setProducer('pdf-lib');
  // Fixed dates: the same order gives the same bytes, so the hash a signer saw can be checked again.
  const stamp = new Date(
    `${content.fields.find(([label]) => label === 'Date')?.[1] ?? '2000-01-01'}T00:00:00Z`,
  );
  pdf.setCreationDate(stamp);
  pdf.setModificationDate(signature ? new Date(signature.signedAt) : stamp);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);

  let page: PDFPage = pdf.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const width = PAGE[0] - 2 * MARGIN;
  const room = (lines: number) => {
    if (y - lines * LINE >= MARGIN) return;
    page = pdf.addPage(PAGE);
    y = PAGE[1] - MARGIN;
  };
  const write = (text: string, { font = regular, size = SIZE, x = MARGIN } = {}) => {
    room(1);
    page.drawText(writable(text, font), { x, y, size, font, color: rgb(0, 0, 0) });
    y -= size > SIZE ? size + 8 : LINE;
  };
  /** Word-wrapped to the text width. */
  const paragraph = (text: string, font = regular) => {
    const words = writable(text, font).split(' ');
    let line = '';
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, SIZE) > width && line) {
        write(line, { font });
        line = word;
      } else line = next;
    }
    if (line) write(line, { font });
    y -= 6;
  };

  write(content.title, { font: bold, size: 16 });
  paragraph(content.authorization);
  for (const [label, value] of content.fields) {
    room(1);
    page.drawText(writable(`${label}:`, bold), { x: MARGIN, y, size: SIZE, font: bold });
    page.drawText(writable(value, regular), { x: MARGIN + 170, y, size: SIZE, font: regular });
    y -= LINE;
  }
  y -= 8;
  write(content.numbersHeading, { font: bold });
  // The table: a row per number, numbered, in columns of the page width.
  write('#        Telephone number', { font: bold });
  content.phoneNumbers.forEach((n, i) => write(`${String(i + 1).padEnd(9)}${n}`));
  y -= 12;

  if (!signature) {
    for (const label of content.signatureLines) {
      room(2);
      y -= 10;
      page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + 300, y }, thickness: 0.7 });
      y -= 12;
      page.drawText(writable(label, regular), { x: MARGIN, y, size: 9, font: regular });
      y -= LINE;
    }
  } else {
    write('Electronic signature', { font: bold, size: 13 });
    paragraph(
      `Signed electronically by ${signature.name}, who typed their full name and confirmed: ` +
        `"I am the authorized person named on this letter, I have read it, and I sign it electronically."`,
    );
    write(`Signature: /${signature.name}/`, { font: bold });
    write('Audit trail', { font: bold });
    write(`Signer: ${signature.name}`);
    write(`Signed at: ${signature.signedAt}`);
    write(`IP address: ${signature.ip}`);
    paragraph(`User agent: ${signature.userAgent || '(none)'}`);
    write(`SHA-256 of the document signed: ${signature.documentSha256}`, { size: 8.5 });
  }
  return Buffer.from(await pdf.save());
}

/**
 * The text of a PDF that pdf-lib wrote (api/loa-pdf.ts), read back with pdf-lib: each page's content
 * streams decoded, and the strings of its text operators (`<hex> Tj`, WinAnsi for the standard fonts)
 * in drawing order, one line per operator.
 */
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream, type PDFRef } from 'pdf-lib';

export async function pdfText(
  bytes: Uint8Array,
): Promise<{ pages: number; lines: string[]; pdf: PDFDocument }> {
  const pdf = await PDFDocument.load(bytes);
  const lines: string[] = [];
  for (const page of pdf.getPages()) {
    const contents = page.node.Contents();
    const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    for (const ref of refs) {
      const stream = pdf.context.lookup(ref as PDFRef);
      if (!(stream instanceof PDFRawStream)) continue;
      const operators = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      for (const match of operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g))
        lines.push(new TextDecoder('windows-1252').decode(Buffer.from(match[1], 'hex')));
    }
  }
  return { pages: pdf.getPageCount(), lines, pdf };
}

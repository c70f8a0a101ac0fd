import QRCode from "qrcode";

/**
 * A QR code of `text` as an SVG data URL, for an <img>: the strict CSP allows `data:` images and
 * needs no inline script or style for it.
 */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

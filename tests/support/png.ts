import zlib from "node:zlib";

export interface DecodedPng {
  width: number;
  height: number;
  /** width * height * 3 bytes, row by row. */
  rgb: Buffer;
  pixel(x: number, y: number): Buffer;
}

/**
 * Decodes the PNGs berth-gateway writes (8-bit RGB, not interlaced, filters None/Sub/Up),
 * checking what a viewer would: the signature, each chunk's CRC, the zlib stream and its length.
 * Throws with the reason on anything else.
 */
export function decodePng(buf: Buffer): DecodedPng {
  if (!buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error("not a PNG signature");
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (let i = 8; i < buf.length; ) {
    const n = buf.readUInt32BE(i);
    const type = buf.toString("latin1", i + 4, i + 8);
    const body = buf.subarray(i + 8, i + 8 + n);
    if (buf.readUInt32BE(i + 8 + n) !== zlib.crc32(buf.subarray(i + 4, i + 8 + n))) throw new Error(`bad CRC in ${type}`);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (!body.subarray(8).equals(Buffer.from([8, 2, 0, 0, 0]))) throw new Error("not 8-bit RGB without interlace");
    }
    if (type === "IDAT") idat.push(body);
    i += 12 + n;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  if (raw.length !== height * (stride + 1)) throw new Error(`image data is ${raw.length} bytes, not ${height * (stride + 1)}`);
  const rgb = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    if (f > 2) throw new Error(`row ${y} uses filter ${f}`);
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const left = x >= 3 ? rgb[y * stride + x - 3] : 0;
      const up = y ? rgb[(y - 1) * stride + x] : 0;
      rgb[y * stride + x] = (v + (f === 1 ? left : f === 2 ? up : 0)) & 255;
    }
  }
  return { width, height, rgb, pixel: (x, y) => rgb.subarray((y * width + x) * 3, (y * width + x) * 3 + 3) };
}

/** How many different colours the picture holds (a blank frame has one or two). */
export function distinctColours(png: Buffer): number {
  const { rgb } = decodePng(png);
  const colours = new Set<number>();
  for (let i = 0; i < rgb.length; i += 3) colours.add((rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2]);
  return colours.size;
}

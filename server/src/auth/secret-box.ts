import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Encrypts small secrets at rest (registry credentials) with AES-256-GCM. The key lives
 * outside the database (BERTH_SECRET_KEY), so a database dump alone does not reveal them.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer | null) {}

  static fromBase64(key: string | undefined): SecretBox {
    if (!key) return new SecretBox(null);
    const buf = Buffer.from(key, "base64");
    if (buf.length !== 32) throw new Error("BERTH_SECRET_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)");
    return new SecretBox(buf);
  }

  get enabled() {
    return this.key !== null;
  }

  seal(plain: string): string {
    if (!this.key) throw new Error("no BERTH_SECRET_KEY configured");
    const iv = randomBytes(12);
    const c = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([c.update(plain, "utf8"), c.final()]);
    return ["v1", iv.toString("base64url"), c.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
  }

  open(sealed: string): string {
    if (!this.key) throw new Error("no BERTH_SECRET_KEY configured");
    const [v, iv, tag, body] = sealed.split(".");
    if (v !== "v1" || !iv || !tag || !body) throw new Error("unreadable sealed secret");
    const d = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"));
    d.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([d.update(Buffer.from(body, "base64url")), d.final()]).toString("utf8");
  }
}
